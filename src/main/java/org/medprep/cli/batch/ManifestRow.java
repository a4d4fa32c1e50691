package org.medprep.cli.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a batch manifest (JSON): a case, the inputs it read, the
 * outputs it wrote, how it ended, how long it took, the pipeline it ran (as a
 * digest), the seeds its random steps used, and the error if it failed. Field
 * names are the JSON keys.
 */
public final class ManifestRow {

	String case_name;
	String source;
	String status;
	double seconds;
	String pipeline;
	List<Map<String, Object>> inputs = new ArrayList<>();
	String input_digest;
	List<String> outputs = new ArrayList<>();
	Map<String, Long> seeds = new LinkedHashMap<>();
	String error;
	String shard;
	String finished;

	ManifestRow() {}

	public String caseName() { return case_name; }
	public String source() { return source; }
	public String status() { return status; }
	public double seconds() { return seconds; }
	public String pipeline() { return pipeline; }
	public String inputDigest() { return input_digest; }
	public List<String> outputs() { return outputs; }
	public Map<String, Long> seeds() { return seeds; }
	public String error() { return error; }
	public String shard() { return shard; }
	public String finished() { return finished; }

	/** The row as its manifest line holds it (without the line end). */
	public String toJson() {
		return Manifest.GSON.toJson(this);
	}

	/** @throws IllegalArgumentException unless {@code line} is a whole row */
	public static ManifestRow fromJson(final String line) {
		try {
			final ManifestRow row = Manifest.GSON.fromJson(line, ManifestRow.class);
			if (row != null && row.case_name != null && row.status != null) return row;
		}
		catch (final com.google.gson.JsonParseException e) {
			// described below
		}
		throw new IllegalArgumentException("not a manifest row: " + (line.length() > 80 ? line.substring(0, 80) + "..." : line));
	}

	static ManifestRow of(final CaseResult r, final InputStamp stamp, final String pipeline, final Shard shard, final String finished) {
		final ManifestRow row = new ManifestRow();
		row.case_name = r.ref().name();
		row.source = r.ref().toString();
		row.status = r.status().label();
		row.seconds = Math.round(r.seconds() * 1000) / 1000.0;
		row.pipeline = pipeline;
		for (final InputStamp.Entry e : stamp.entries()) {
			final Map<String, Object> m = new LinkedHashMap<>();
			m.put("path", e.path());
			if (e.files() != null) m.put("files", e.files());
			m.put("size", e.size());
			m.put("mtime", e.mtime());
			row.inputs.add(m);
		}
		row.input_digest = stamp.digest();
		row.outputs.addAll(r.outputs());
		for (final Map.Entry<Integer, Long> s : r.seeds().entrySet()) row.seeds.put("step " + s.getKey(), s.getValue());
		row.error = r.error();
		row.shard = shard.isWhole() ? null : shard.toString();
		row.finished = finished;
		return row;
	}
}
