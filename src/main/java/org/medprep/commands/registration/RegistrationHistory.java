package org.medprep.commands.registration;

import java.util.List;

import org.medprep.core.History;
import org.medprep.io.transform.StoredTransform;

/**
 * Finds a registration in a case's history: the latest {@code Register Images}
 * or {@code Apply Transform} step, whose plan maps the fixed grid (its target)
 * back into the moving image's patient space (its pull-back). Files keep the
 * history, so the outputs of an earlier run carry their registration.
 */
final class RegistrationHistory {

	static final String REGISTER = "Register Images";
	static final String APPLY = "Apply Transform";

	private RegistrationHistory() {}

	/**
	 * The transform of the latest registration step, with the fixed grid it resampled onto.
	 * @param source who carries the history, for the message
	 * @throws IllegalArgumentException if the history holds no registration
	 */
	static StoredTransform latest(final History history, final String source) {
		final List<History.Step> steps = history.steps();
		for (int i = steps.size() - 1; i >= 0; i--) {
			final History.Step s = steps.get(i);
			if (s.plan() != null && (isStep(s, REGISTER) || isStep(s, APPLY)))
				return new StoredTransform(s.plan().pullBack(), null, s.plan().target());
		}
		throw new IllegalArgumentException("'" + source + "' carries no registration in its history (the outputs of Register Images and Apply Transform do, "
			+ "in their files too); give a transform file");
	}

	private static boolean isStep(final History.Step s, final String label) {
		return s.line().startsWith("run(\"" + label + "\"");
	}
}
