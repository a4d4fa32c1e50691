package org.medprep.commands.engine;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * The exception behind each run that {@link Failures} ended as cancelled, for
 * the callers that report a failure by its kind ({@code commands.imagej.CommandInvocation}:
 * the CLI exits 2 for a bad option, 1 for a failed run). A cancel carries only
 * its one line; this keeps what it came from. One table per context; an entry
 * goes when it is taken or its command is no longer used.
 */
@Plugin(type = Service.class)
public class FailureCauses extends AbstractService implements SciJavaService {

	private final Map<Object, RuntimeException> causes = Collections.synchronizedMap(new WeakHashMap<>());

	void put(final Object command, final RuntimeException cause) {
		causes.put(command, cause);
	}

	/** The exception that cancelled {@code command} (the command object, a module's delegate), or null; forgotten once taken. */
	public RuntimeException take(final Object command) {
		return causes.remove(command);
	}
}
