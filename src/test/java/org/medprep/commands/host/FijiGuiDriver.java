package org.medprep.commands.host;

import org.scijava.Context;
import org.scijava.ui.UIService;

/**
 * Runs in a child JVM on the Fiji runtime's class path, with a display: starts
 * ImageJ2 with the legacy (ImageJ 1.x) UI as Fiji does, then lets
 * {@link FijiGuiSteps} act as a user and print "medprep-check name=value"
 * lines for {@link FijiGuiTest}. The context is created before any ij.* class
 * is touched, so imagej-legacy can patch ImageJ 1.x first.
 */
public final class FijiGuiDriver {

	private FijiGuiDriver() {}

	public static void main(final String... args) throws Exception {
		final Context context = new Context();
		context.service(UIService.class).showUI();
		int status = 1;
		try {
			FijiGuiSteps.run(context, java.nio.file.Paths.get(args[0]));
			status = 0;
		}
		catch (final Throwable t) {
			t.printStackTrace(System.out);
		}
		finally {
			System.out.println("medprep-check finished=" + status);
			System.out.flush();
			Runtime.getRuntime().halt(status);
		}
	}
}
