package org.medprep.cli.batch;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** How one case of a batch ended. */
public final class CaseResult {

	public enum Status {
		DONE("done"), FAILED("failed"), SKIPPED("skipped");

		private final String label;

		Status(final String label) {
			this.label = label;
		}

		public String label() { return label; }
	}

	private final CaseRef ref;
	private final Status status;
	private final double seconds;
	private final CaseOutput output;
	private final String error;
	private final transient Throwable cause;

	private CaseResult(final CaseRef ref, final Status status, final double seconds, final CaseOutput output, final String error, final Throwable cause) {
		this.ref = ref;
		this.status = status;
		this.seconds = seconds;
		this.output = output;
		this.error = error;
		this.cause = cause;
	}

	static CaseResult done(final CaseRef ref, final double seconds, final CaseOutput output) {
		return new CaseResult(ref, Status.DONE, seconds, output, null, null);
	}

	static CaseResult failed(final CaseRef ref, final double seconds, final String error, final Throwable cause) {
		return new CaseResult(ref, Status.FAILED, seconds, null, error, cause);
	}

	static CaseResult skipped(final CaseRef ref) {
		return new CaseResult(ref, Status.SKIPPED, 0, null, null, null);
	}

	public CaseRef ref() { return ref; }
	public Status status() { return status; }
	public double seconds() { return seconds; }
	public List<String> outputs() { return output == null ? Collections.emptyList() : output.outputs(); }
	public Map<Integer, Long> seeds() { return output == null ? Collections.emptyMap() : output.seeds(); }
	/** One line saying why the case failed (no class names, no stack trace); null unless failed. */
	public String error() { return error; }
	/** What was thrown, for a debugging host; null unless failed. */
	public Throwable cause() { return cause; }
}
