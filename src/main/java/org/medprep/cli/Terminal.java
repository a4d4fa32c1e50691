package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the process's standard error is a terminal, where a progress bar can redraw itself. */
final class Terminal {

	private Terminal() {}

	static boolean stderrIsTerminal() {
		// Java cannot ask about stderr alone; on Linux the descriptor's link names the device
		final Path fd2 = Path.of("/proc/self/fd/2");
		if (Files.exists(fd2)) {
			try {
				final String target = Files.readSymbolicLink(fd2).toString();
				return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
			}
			catch (final IOException | UnsupportedOperationException e) {
				return false;
			}
		}
		return System.console() != null && !"dumb".equals(System.getenv("TERM"));
	}
}
