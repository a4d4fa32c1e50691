package org.medprep.core.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.core.History;
import org.medprep.core.spatial.Grid;

/**
 * The table that travels with a folder of patches: the grid they were cut
 * from, how (patch size, overlap, padding, for a grid sampler), the history of
 * the case they were cut from (its steps and spatial plans, so predictions put
 * back onto the grid can go back onto the original scan), and one row per
 * patch with its file name(s) and position. As text it is a CSV whose first
 * lines are {@code #} comments holding the grid, the sampler and the history
 * ({@link History#toText}, each line after {@code # history }):
 * <pre>
 * # medprep patches
 * # grid 512 512 300 0.7 0.7 1 -178.85 -178.85 -149.5 1 0 0 0 1 0 0 0 1
 * # sampler patch 96 96 64 overlap 16 16 16 padding edge
 * # history run("Reorient", "orientation=RAS ...");
 * # history // plan: source ... target ... pullback ...
 * # history run("Grid Sampler", "patch_x=96 ...");
 * index,file,label_file,start_x,start_y,start_z,size_x,size_y,size_z,center_x,center_y,center_z,kind
 * 0,case001_p0000_x-8_y-8_z-8.nii.gz,,-8,-8,-8,96,96,64,,,,
 * </pre>
 * (grid: size, spacing, origin, direction row by row, in LPS mm). Immutable.
 */
public final class PatchTable {

	static final String MAGIC = "# medprep patches";
	static final String HISTORY = "# history ";
	static final String HEADER = "index,file,label_file,start_x,start_y,start_z,size_x,size_y,size_z,center_x,center_y,center_z,kind";

	/** One patch: its files (label file may be empty) and place; centre and kind only for drawn patches. */
	public static final class Row {
		private final Patch patch;
		private final String file, labelFile;
		private final long[] center;
		private final Integer kind;

		public Row(final Patch patch, final String file, final String labelFile, final long[] center, final Integer kind) {
			if (patch == null || file == null || file.isEmpty()) throw new IllegalArgumentException("a patch row needs a patch and a file name");
			if (file.contains(",") || (labelFile != null && labelFile.contains(","))) throw new IllegalArgumentException("patch file names must not contain commas: " + file);
			this.patch = patch;
			this.file = file;
			this.labelFile = labelFile == null ? "" : labelFile;
			this.center = center == null ? null : center.clone();
			this.kind = kind;
		}

		public Patch patch() { return patch; }
		public String file() { return file; }
		public String labelFile() { return labelFile; }
	}

	private final Grid grid;
	private final PatchGrid sampler;
	private final List<Row> rows;
	private final History history;

	/**
	 * @param sampler how a grid sampler cut the patches; null for drawn patches
	 * @param history the history of the case the patches come from, up to the step that cut them; null for none
	 */
	public PatchTable(final Grid grid, final PatchGrid sampler, final List<Row> rows, final History history) {
		if (grid == null || rows == null) throw new IllegalArgumentException("a patch table needs a grid and rows");
		this.grid = grid;
		this.sampler = sampler;
		this.rows = Collections.unmodifiableList(new ArrayList<>(rows));
		this.history = history == null ? History.empty() : history;
	}

	public Grid grid() { return grid; }
	/** The history of the case the patches come from (its spatial steps bring an aggregated prediction back to the original scan). */
	public History history() { return history; }
	/** The grid sampler's settings, or null when the patches were drawn. */
	public PatchGrid sampler() { return sampler; }
	public List<Row> rows() { return rows; }

	public String toText() {
		final StringBuilder sb = new StringBuilder(MAGIC).append('\n');
		sb.append("# grid ").append(grid.toText()).append('\n');
		if (sampler != null) {
			final long[] p = sampler.patchSize(), o = sampler.overlap();
			sb.append("# sampler patch ").append(p[0]).append(' ').append(p[1]).append(' ').append(p[2]).append(" overlap ").append(o[0]).append(' ')
				.append(o[1]).append(' ').append(o[2]).append(" padding ").append(sampler.padding().label()).append('\n');
		}
		if (!history.isEmpty()) for (final String line : history.toText().split("\n")) sb.append(HISTORY).append(line).append('\n');
		sb.append(HEADER).append('\n');
		for (final Row r : rows) {
			final Patch p = r.patch;
			sb.append(p.index()).append(',').append(r.file).append(',').append(r.labelFile);
			for (int d = 0; d < 3; d++) sb.append(',').append(p.start(d));
			for (int d = 0; d < 3; d++) sb.append(',').append(p.size(d));
			for (int d = 0; d < 3; d++) sb.append(',').append(r.center == null ? "" : Long.toString(r.center[d]));
			sb.append(',').append(r.kind == null ? "" : r.kind.toString()).append('\n');
		}
		return sb.toString();
	}

	/**
	 * Reads {@link #toText()}.
	 * @throws IllegalArgumentException naming the line that is not as written by MedPrep
	 */
	public static PatchTable parse(final String text) {
		final String[] lines = text.replace("\r", "").split("\n");
		if (lines.length < 3 || !lines[0].trim().equals(MAGIC)) throw new IllegalArgumentException("not a MedPrep patch table (its first line must be '" + MAGIC + "')");
		Grid grid = null;
		PatchGrid sampler = null;
		final List<Row> rows = new ArrayList<>();
		final StringBuilder history = new StringBuilder();
		boolean header = false;
		for (int i = 1; i < lines.length; i++) {
			final String line = lines[i].trim();
			if (line.isEmpty()) continue;
			try {
				if (line.startsWith("# grid ")) grid = Grid.parse(line.substring(7).trim().split("\\s+"), 0);
				else if (line.startsWith("# sampler ")) sampler = sampler(line.substring(10).trim().split("\\s+"));
				else if (line.startsWith(HISTORY)) history.append(line.substring(HISTORY.length()).trim()).append('\n');
				else if (line.startsWith("#")) continue;
				else if (!header) {
					if (!line.equals(HEADER)) throw new IllegalArgumentException("expected the column names " + HEADER);
					header = true;
				}
				else rows.add(row(line));
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("patch table line " + (i + 1) + ": " + e.getMessage());
			}
		}
		if (grid == null) throw new IllegalArgumentException("the patch table has no '# grid' line");
		try {
			return new PatchTable(grid, sampler, rows, History.parse(history.toString()));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("the patch table's history: " + e.getMessage());
		}
	}

	private static PatchGrid sampler(final String[] t) {
		if (t.length != 10 || !t[0].equals("patch") || !t[4].equals("overlap") || !t[8].equals("padding"))
			throw new IllegalArgumentException("expected 'sampler patch X Y Z overlap X Y Z padding MODE'");
		return new PatchGrid(new long[] { Long.parseLong(t[1]), Long.parseLong(t[2]), Long.parseLong(t[3]) },
			new long[] { Long.parseLong(t[5]), Long.parseLong(t[6]), Long.parseLong(t[7]) }, PaddingMode.fromLabel(t[9]));
	}

	private static Row row(final String line) {
		final String[] f = line.split(",", -1);
		if (f.length != 13) throw new IllegalArgumentException("expected 13 comma-separated values, got " + f.length);
		final long[] start = new long[3], size = new long[3];
		for (int d = 0; d < 3; d++) {
			start[d] = Long.parseLong(f[3 + d].trim());
			size[d] = Long.parseLong(f[6 + d].trim());
		}
		long[] center = null;
		if (!f[9].trim().isEmpty()) {
			center = new long[3];
			for (int d = 0; d < 3; d++) center[d] = Long.parseLong(f[9 + d].trim());
		}
		final Integer kind = f[12].trim().isEmpty() ? null : Integer.valueOf(f[12].trim());
		return new Row(new Patch(Integer.parseInt(f[0].trim()), start, size), f[1].trim(), f[2].trim(), center, kind);
	}
}
