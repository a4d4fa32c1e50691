package org.medprep.cli.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds cases whose outputs would land on the same file (a.nii and a.nii.gz
 * both make a.nii.gz), before the first case runs, so no result silently
 * replaces another. Names that differ only in case collide too: they do on
 * the file systems of macOS and Windows.
 */
public final class OutputCollisions {

	private static final int SHOWN = 5;

	private OutputCollisions() {}

	/**
	 * @param outputs the output paths (relative to the output folder) a case will write
	 * @throws IllegalArgumentException listing the colliding cases and the file they share
	 */
	public static void check(final List<CaseRef> cases, final Function<CaseRef, List<String>> outputs) {
		final Map<String, CaseRef> owner = new LinkedHashMap<>();
		final List<String> clashes = new ArrayList<>();
		int count = 0;
		for (final CaseRef c : cases) {
			for (final String out : outputs.apply(c)) {
				final CaseRef earlier = owner.putIfAbsent(out.toLowerCase(Locale.ROOT), c);
				if (earlier == null || earlier == c) continue;
				if (count++ < SHOWN) clashes.add(earlier + " and " + c + " would both write " + out);
				break;
			}
		}
		if (count == 0) return;
		throw new IllegalArgumentException(count + " output name collision" + (count == 1 ? "" : "s") + " (nothing was run): " + String.join("; ", clashes)
			+ (count > SHOWN ? "; ..." : "") + ". Rename the inputs, or run them into separate output folders.");
	}
}
