package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.plugin.Parameter;

/** Macro options: parsing as ImageJ does, recording as Fiji does (secrets left out). */
class CommandOptionsTest {

	/** A command with a secret, not in any menu (so not in the catalog). */
	public static class SecretCommand implements Command {
		@Parameter(label = "Name")
		private String name = "x";

		@Parameter(label = "Key", style = "password")
		private String key = "";

		@Parameter(label = "Count")
		private int count = 3;

		@Override
		public void run() {
			if (key.isEmpty()) throw new IllegalArgumentException("no key");
		}
	}

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void secretsAreAcceptedButNeverRecorded() {
		final CommandInfo info = new CommandInfo(SecretCommand.class);
		final CommandInvocation.Result r = new CommandInvocation(context).run(info, "name=[two words] key=s3cr3t count=5.0", null);
		assertEquals("name=[two words] count=5", r.recorded().options());
		assertTrue(!r.recorded().toString().contains("s3cr3t"));
	}

	@Test
	void optionKeysAreParsedLikeImageJ() {
		assertEquals(List.of("level", "output", "mask", "flag", "q"), MacroOptionSyntax.keys("level=40 output=[float 0-1] mask=[a [b] c] flag q='x y'"));
		assertEquals("float 0-1", MacroOptions.get("level=40 output=[float 0-1]", "output"));
		assertEquals("x y", MacroOptions.get("q='x y'", "q"));
		assertThrows(IllegalArgumentException.class, () -> MacroOptionSyntax.keys("output=[float"));
		assertEquals("key=[a b]", MacroOptionSyntax.format("key", "a b"));
	}

	@Test
	void macroLinesRoundTrip() {
		final MacroLine line = MacroLine.parse("run(\"HU Window\", \"level=40 output=[float 0-1]\");");
		assertEquals("HU Window", line.label());
		assertEquals("level=40 output=[float 0-1]", line.options());
		assertEquals("run(\"HU Window\", \"level=40 output=[float 0-1]\");", line.toString());
		assertEquals("", MacroLine.parse("run(\"Flip\")").options());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> MacroLine.parse("print(1);")).getMessage().contains("not a macro step"));
	}

	@Test
	void failuresShowTheOriginalMessageBelowThreadWrappers() {
		final IllegalArgumentException original = new IllegalArgumentException("NMF needs non-negative intensities");
		final IllegalArgumentException forkJoinCopy = new IllegalArgumentException(original.toString(), original);
		final Throwable wrapped = new java.util.concurrent.ExecutionException(new RuntimeException(forkJoinCopy));
		assertEquals("NMF needs non-negative intensities", Failures.meaningful(wrapped).getMessage());
	}
}
