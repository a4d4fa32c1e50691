package org.medprep.cli.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a case's inputs looked like when it ran: for each input, its path,
 * size and modification time (a DICOM series as its folder, file count, total
 * size and newest time), and one digest over every file, which resume compares.
 */
public final class InputStamp {

	/** One input as the manifest lists it. */
	public static final class Entry {
		final String path;
		final Integer files;
		final long size;
		final String mtime;

		Entry(final String path, final Integer files, final long size, final String mtime) {
			this.path = path;
			this.files = files;
			this.size = size;
			this.mtime = mtime;
		}

		public String path() { return path; }
		/** Number of files for a DICOM series, null for one file. */
		public Integer files() { return files; }
		public long size() { return size; }
		public String mtime() { return mtime; }
	}

	private final List<Entry> entries;
	private final String digest;

	private InputStamp(final List<Entry> entries, final String digest) {
		this.entries = Collections.unmodifiableList(entries);
		this.digest = digest;
	}

	public List<Entry> entries() { return entries; }
	public String digest() { return digest; }

	/**
	 * @param caseFiles the case's own files (one image file, or a DICOM series' files)
	 * @param others further files the case reads (paired images), each listed alone
	 */
	public static InputStamp of(final CaseRef c, final List<String> caseFiles, final List<String> others) {
		final StringBuilder all = new StringBuilder();
		final List<Entry> entries = new ArrayList<>();
		if (c.kind() == CaseRef.Kind.DICOM_SERIES) {
			long size = 0, newest = 0;
			for (final String f : caseFiles) {
				final long[] s = stat(f, all);
				size += Math.max(0, s[0]);
				newest = Math.max(newest, s[1]);
			}
			entries.add(new Entry(absolute(c.location()), caseFiles.size(), size, Instant.ofEpochMilli(newest).toString()));
		}
		else for (final String f : caseFiles) entries.add(entry(f, all));
		for (final String f : others) entries.add(entry(f, all));
		return new InputStamp(entries, Digests.sha256Hex(all.toString(), 32));
	}

	private static Entry entry(final String f, final StringBuilder all) {
		final long[] s = stat(f, all);
		return new Entry(absolute(f), null, s[0], Instant.ofEpochMilli(s[1]).toString());
	}

	/** {size, mtime ms}, {-1, 0} for a file that cannot be read (the case will then fail and say why). */
	private static long[] stat(final String f, final StringBuilder all) {
		final Path p = Path.of(f);
		long size = -1, mtime = 0;
		try {
			size = Files.size(p);
			mtime = Files.getLastModifiedTime(p).toMillis();
		}
		catch (final IOException e) {
			// a missing input stamps as missing: the digest differs from any finished run's
		}
		all.append(absolute(f)).append('\t').append(size).append('\t').append(mtime).append('\n');
		return new long[] { size, mtime };
	}

	static String absolute(final String f) {
		return Path.of(f).toAbsolutePath().normalize().toString();
	}
}
