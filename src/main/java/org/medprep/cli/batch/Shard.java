package org.medprep.cli.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One part of a batch split for a cluster job array: shard {@code i} of
 * {@code n} (1-based, as {@code --shard 2/4}) takes the cases at positions
 * i-1, i-1+n, i-1+2n... of the case list sorted by name, so every shard sees
 * the same split and the parts differ by at most one case.
 */
public final class Shard {

	public static final Shard WHOLE = new Shard(1, 1);

	private final int index;
	private final int count;

	private Shard(final int index, final int count) {
		this.index = index;
		this.count = count;
	}

	/** @throws IllegalArgumentException unless 1 <= index <= count */
	public static Shard of(final int index, final int count) {
		if (count < 1 || index < 1 || index > count)
			throw new IllegalArgumentException("a shard is I/N with 1 <= I <= N, got " + index + "/" + count);
		return new Shard(index, count);
	}

	/** Parses {@code I/N}. @throws IllegalArgumentException for anything else */
	public static Shard parse(final String text) {
		final String[] parts = text.trim().split("/");
		if (parts.length != 2) throw new IllegalArgumentException("--shard takes I/N (e.g. 2/4) or slurm, got '" + text + "'");
		try {
			return of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("--shard takes I/N (e.g. 2/4) or slurm, got '" + text + "'");
		}
	}

	/**
	 * The shard of a SLURM job array task: SLURM_ARRAY_TASK_ID counted from
	 * SLURM_ARRAY_TASK_MIN in steps of SLURM_ARRAY_TASK_STEP, of SLURM_ARRAY_TASK_COUNT.
	 *
	 * @throws IllegalArgumentException when the variables are missing or inconsistent
	 */
	public static Shard fromSlurm(final Map<String, String> env) {
		final int id = slurm(env, "SLURM_ARRAY_TASK_ID", null), count = slurm(env, "SLURM_ARRAY_TASK_COUNT", null);
		final int min = slurm(env, "SLURM_ARRAY_TASK_MIN", 0), step = slurm(env, "SLURM_ARRAY_TASK_STEP", 1);
		if (step < 1 || (id - min) % step != 0)
			throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID " + id + " is not on the array's grid (min " + min + ", step " + step + ")");
		final int index = (id - min) / step + 1;
		if (index < 1 || index > count)
			throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID " + id + " (min " + min + ", step " + step + ") is outside the " + count + " tasks of the array");
		return of(index, count);
	}

	private static int slurm(final Map<String, String> env, final String name, final Integer fallback) {
		final String v = env.get(name);
		if (v == null || v.trim().isEmpty()) {
			if (fallback != null) return fallback;
			throw new IllegalArgumentException("--shard slurm needs " + name + " (set in a job array: sbatch --array=...)");
		}
		try {
			return Integer.parseInt(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(name + " is '" + v + "', not a whole number");
		}
	}

	public int index() { return index; }
	public int count() { return count; }
	public boolean isWhole() { return count == 1; }

	/** This shard's cases of the full, name-sorted list. */
	public <T> List<T> select(final List<T> sortedCases) {
		final List<T> mine = new ArrayList<>();
		for (int i = index - 1; i < sortedCases.size(); i += count) mine.add(sortedCases.get(i));
		return mine;
	}

	/** The shard's own manifest file: manifest.jsonl for a whole run, manifest-shard-2-of-4.jsonl for a shard. */
	public String manifestName() {
		return isWhole() ? Manifest.FILE_PREFIX + Manifest.FILE_SUFFIX : Manifest.FILE_PREFIX + "-shard-" + index + "-of-" + count + Manifest.FILE_SUFFIX;
	}

	@Override
	public String toString() {
		return index + "/" + count;
	}
}
