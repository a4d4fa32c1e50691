package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShardTest {

	@Test
	void shardsSplitTheCasesIntoDisjointPartsThatCoverThemAll() {
		final List<Integer> cases = new ArrayList<>();
		for (int i = 0; i < 10; i++) cases.add(i);
		assertEquals(Arrays.asList(0, 3, 6, 9), Shard.parse("1/3").select(cases));
		assertEquals(Arrays.asList(1, 4, 7), Shard.parse("2/3").select(cases));
		assertEquals(Arrays.asList(2, 5, 8), Shard.parse(" 3 / 3 ").select(cases));
		assertEquals(cases, Shard.WHOLE.select(cases));
		assertEquals("manifest.jsonl", Shard.WHOLE.manifestName());
		assertEquals("manifest-shard-2-of-3.jsonl", Shard.parse("2/3").manifestName());
		// more shards than cases: some are empty, none overlap
		assertEquals(Arrays.asList(9), Shard.of(10, 12).select(cases));
		assertEquals(Arrays.asList(), Shard.of(11, 12).select(cases));
	}

	@Test
	void badShardsAreRefused() {
		for (final String bad : new String[] { "0/3", "4/3", "1", "a/b", "1/0", "1/2/3" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad));
			assertTrue(e.getMessage().contains("I/N"), e.getMessage());
		}
	}

	@Test
	void slurmArraysFromZeroOneOrWithSteps() {
		assertEquals("1/4", Shard.fromSlurm(env("0", "4", "0", "1")).toString());
		assertEquals("4/4", Shard.fromSlurm(env("3", "4", "0", "1")).toString());
		assertEquals("1/10", Shard.fromSlurm(env("1", "10", "1", "1")).toString());
		assertEquals("3/5", Shard.fromSlurm(env("4", "5", "0", "2")).toString());
		assertEquals("2/3", Shard.fromSlurm(env("1", "3", null, null)).toString());
		final IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Shard.fromSlurm(new HashMap<>()));
		assertTrue(missing.getMessage().contains("SLURM_ARRAY_TASK_ID"), missing.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Shard.fromSlurm(env("5", "4", "0", "1")));
		assertThrows(IllegalArgumentException.class, () -> Shard.fromSlurm(env("3", "5", "0", "2")));
		assertThrows(IllegalArgumentException.class, () -> Shard.fromSlurm(env("x", "5", "0", "1")));
	}

	private static Map<String, String> env(final String id, final String count, final String min, final String step) {
		final Map<String, String> m = new HashMap<>();
		m.put("SLURM_ARRAY_TASK_ID", id);
		m.put("SLURM_ARRAY_TASK_COUNT", count);
		if (min != null) m.put("SLURM_ARRAY_TASK_MIN", min);
		if (step != null) m.put("SLURM_ARRAY_TASK_STEP", step);
		return m;
	}
}
