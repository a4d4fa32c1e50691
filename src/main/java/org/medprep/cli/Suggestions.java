package org.medprep.cli;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for a misspelt command label or option key. */
final class Suggestions {

	private Suggestions() {}

	/** The closest candidate within a few edits, as " (did you mean 'x'?)", or empty. */
	static String didYouMean(final String typed, final Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (final String c : candidates) {
			final int d = distance(typed.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
			if (d < bestDistance) {
				bestDistance = d;
				best = c;
			}
		}
		final int allowed = Math.max(2, typed.length() / 4);
		return best != null && bestDistance <= allowed ? " (did you mean '" + best + "'?)" : "";
	}

	/** Edit distance with adjacent transpositions (a typo such as "levle" is one edit from "level"). */
	static int distance(final String a, final String b) {
		final int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) d[i][0] = i;
		for (int j = 0; j <= b.length(); j++) d[0][j] = j;
		for (int i = 1; i <= a.length(); i++)
			for (int j = 1; j <= b.length(); j++) {
				final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
			}
		return d[a.length()][b.length()];
	}
}
