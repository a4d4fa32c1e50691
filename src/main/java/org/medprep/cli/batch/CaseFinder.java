package org.medprep.cli.batch;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.medprep.io.ImageFileNames;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomFrame;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.Tags;
import org.medprep.io.metaimage.MetaImageHeader;
import org.medprep.io.metaimage.MetaImageReader;

/**
 * Finds the cases of a batch in its inputs: an image file is a case; a folder
 * is walked (subfolders too, symbolic links followed, hidden files skipped)
 * and every image file in it is a case, and every DICOM series in it (its
 * files grouped by Series Instance UID, wherever they lie) is a case. The same
 * file reached twice (through a link) counts once. A list file (a text file
 * ending in {@code .txt} or {@code .list}) names inputs, one per line: files or
 * folders, relative to the list's own folder unless absolute, blank lines and
 * {@code #} comments skipped; each is searched as if it had been given itself.
 * Cases come out sorted by name. Only headers are read.
 */
public final class CaseFinder {

	private static final int PATIENT_NAME = 0x00100010;

	/** What a search found: the cases, notes for the user, and inputs that hold no case. */
	public static final class Found {
		private final List<CaseRef> cases;
		private final List<String> notices;
		private final List<String> problems;
		private final List<Path> searched;

		Found(final List<CaseRef> cases, final List<String> notices, final List<String> problems, final List<Path> searched) {
			this.cases = Collections.unmodifiableList(cases);
			this.notices = Collections.unmodifiableList(notices);
			this.problems = Collections.unmodifiableList(problems);
			this.searched = Collections.unmodifiableList(searched);
		}

		public List<CaseRef> cases() { return cases; }
		/** The files and folders searched: the inputs, a list file's entries in its place (outputs must stay out of them all). */
		public List<Path> searched() { return searched; }
		/** Things skipped on the way (links followed twice, loops, files that are neither images nor DICOM). */
		public List<String> notices() { return notices; }
		/** One line per input that could not be used (missing, empty, unreadable), naming it. */
		public List<String> problems() { return problems; }
	}

	private final DicomNaming naming;
	private final DicomLoadOptions dicom;

	private final List<CaseRef> cases = new ArrayList<>();
	private final List<String> notices = new ArrayList<>();
	private final List<String> problems = new ArrayList<>();
	private final Map<Path, String> seenFiles = new HashMap<>();
	private final Set<String> seenSeries = new HashSet<>();
	private final List<Path> searched = new ArrayList<>();

	private CaseFinder(final DicomNaming naming, final DicomLoadOptions dicom) {
		this.naming = naming;
		this.dicom = dicom;
	}

	/**
	 * @param dicom its plane filter, if any, keeps only the series in that plane
	 */
	public static Found find(final List<Path> inputs, final DicomNaming naming, final DicomLoadOptions dicom) {
		final CaseFinder finder = new CaseFinder(naming, dicom);
		for (final Path input : inputs) {
			if (isListFile(input)) finder.addList(input);
			else finder.add(input);
		}
		final List<CaseRef> sorted = new ArrayList<>(finder.cases);
		Collections.sort(sorted);
		return new Found(sorted, finder.notices, finder.problems, finder.searched);
	}

	/** A text file naming inputs: {@code .txt} or {@code .list}. */
	static boolean isListFile(final Path input) {
		final String name = input.getFileName() == null ? "" : input.getFileName().toString().toLowerCase(Locale.ROOT);
		return (name.endsWith(".txt") || name.endsWith(".list")) && Files.isRegularFile(input);
	}

	private void addList(final Path list) {
		final List<String> lines;
		try {
			lines = Files.readAllLines(list, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			problems.add(list + ": cannot read the list (" + e.getMessage() + ")");
			return;
		}
		final Path folder = list.toAbsolutePath().getParent();
		int entries = 0;
		for (int n = 0; n < lines.size(); n++) {
			final String line = lines.get(n).trim();
			if (line.isEmpty() || line.startsWith("#")) continue;
			entries++;
			final Path entry;
			try {
				entry = Path.of(line).isAbsolute() || folder == null ? Path.of(line) : folder.resolve(line).normalize();
			}
			catch (final java.nio.file.InvalidPathException e) {
				problems.add(list + ", line " + (n + 1) + ": not a path (" + e.getReason() + ")");
				continue;
			}
			if (!Files.exists(entry)) problems.add(list + ", line " + (n + 1) + ": " + entry + ": no such file or folder");
			else add(entry);
		}
		if (entries == 0) problems.add(list + ": the list names no inputs (one file or folder per line)");
	}

	private void add(final Path input) {
		searched.add(input);
		if (!Files.exists(input)) {
			problems.add(input + ": no such file or folder");
			return;
		}
		if (Files.isRegularFile(input) && ImageFileNames.isImageFile(input)) {
			addImageFile(input, ImageFileNames.baseName(input));
			return;
		}
		final List<Path> images = new ArrayList<>(), others = new ArrayList<>();
		if (Files.isDirectory(input)) {
			try {
				walk(input, images, others);
			}
			catch (final IOException e) {
				problems.add(input + ": cannot list the folder: " + e.getMessage());
				return;
			}
		}
		else others.add(input);
		final int before = cases.size();
		for (final Path image : images) addImageFile(image, relativeName(input, image));
		final int dicomCases = addDicom(input, others);
		if (cases.size() == before && dicomCases == 0 && !problemNamed(input)) {
			problems.add(Files.isDirectory(input)
				? input + ": no image files (" + String.join(", ", ImageFileNames.EXTENSIONS) + ") and no DICOM series (" + others.size() + " other files)"
				: input + ": neither an image file (" + String.join(", ", ImageFileNames.EXTENSIONS) + ") nor DICOM");
		}
	}

	private boolean problemNamed(final Path input) {
		for (final String p : problems)
			if (p.startsWith(input + ":")) return true;
		return false;
	}

	private void walk(final Path root, final List<Path> images, final List<Path> others) throws IOException {
		final Set<Path> earlierOutputs = new HashSet<>();
		final Map<Path, Integer> skippedIn = new java.util.TreeMap<>();
		Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<Path>() {
			@Override
			public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs) throws IOException {
				if (!dir.equals(root) && hidden(dir)) return FileVisitResult.SKIP_SUBTREE;
				earlierOutputs.addAll(EarlierRunOutputs.in(dir));
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
				if (!attrs.isRegularFile() || hidden(file)) return FileVisitResult.CONTINUE;
				if (earlierOutputs.contains(file.toAbsolutePath().normalize())) {
					skippedIn.merge(file.getParent(), 1, Integer::sum);
					return FileVisitResult.CONTINUE;
				}
				if (ImageFileNames.extensionOf(file.getFileName().toString()) != null) images.add(file);
				else if (!isPartnerFile(file.getFileName().toString())) others.add(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(final Path file, final IOException e) {
				if (e instanceof FileSystemLoopException) notices.add(file + ": a link back into its own folder, not followed again");
				else notices.add(file + ": skipped, cannot be read (" + e.getMessage() + ")");
				return FileVisitResult.CONTINUE;
			}
		});
		Collections.sort(images);
		Collections.sort(others);
		for (final Map.Entry<Path, Integer> e : skippedIn.entrySet())
			notices.add(e.getKey() + ": " + e.getValue() + (e.getValue() == 1 ? " file" : " files") + " an earlier run wrote beside its cases"
				+ " (label maps and other step outputs, as its manifest lists them) are not cases; give a member folder as --label NAME=FOLDER");
	}

	/** Data files that belong to a header file (.hdr/.img, .mhd/.raw): never cases, never DICOM. */
	private static final List<String> PARTNER_EXTENSIONS = java.util.Arrays.asList(".img", ".img.gz", ".raw", ".zraw");

	private static boolean isPartnerFile(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String ext : PARTNER_EXTENSIONS)
			if (lower.endsWith(ext)) return true;
		return false;
	}

	private static String stripExtension(final String name) {
		final String ext = ImageFileNames.extensionOf(name);
		return ext == null ? name : name.substring(0, name.length() - ext.length());
	}

	private static boolean hidden(final Path p) {
		return p.getFileName() != null && p.getFileName().toString().startsWith(".");
	}

	/** A file below a folder input is named by its path in the folder: sub/a.nii.gz is "sub_a". */
	private static String relativeName(final Path root, final Path file) {
		final Path rel = root.relativize(file);
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < rel.getNameCount(); i++) {
			if (i > 0) sb.append('_');
			sb.append(i == rel.getNameCount() - 1 ? stripExtension(rel.getName(i).toString()) : rel.getName(i).toString());
		}
		return sb.toString();
	}

	private void addImageFile(final Path file, final String name) {
		final Path real = realPath(file);
		final String earlier = seenFiles.putIfAbsent(real, file.toString());
		if (earlier != null) {
			notices.add(file + ": the same file as " + earlier + ", taken once");
			return;
		}
		cases.add(CaseRef.imageFile(name, file.toString(), dataFiles(file)));
	}

	/**
	 * The files that hold a header file's voxels: the .img of a .hdr, the data file a .mhd names;
	 * listed with the case so resume sees them change. None for a file that holds its own voxels.
	 */
	static List<String> dataFiles(final Path file) {
		final String name = file.getFileName().toString(), lower = name.toLowerCase(Locale.ROOT);
		final List<String> files = new ArrayList<>();
		if (lower.endsWith(".hdr")) {
			final String base = name.substring(0, name.length() - 4);
			for (final String ext : new String[] { ".img", ".IMG", ".img.gz" }) {
				final Path img = file.resolveSibling(base + ext);
				if (Files.isRegularFile(img)) {
					files.add(img.toString());
					break;
				}
			}
		}
		else if (lower.endsWith(".mhd")) {
			try {
				final MetaImageHeader h = MetaImageReader.readHeader(file);
				if (!h.isLocal()) {
					final Path data = file.resolveSibling(h.elementDataFile());
					if (Files.isRegularFile(data)) files.add(data.toString());
				}
			}
			catch (final IOException | RuntimeException e) {
				// an unreadable header: the case fails when it is read, and says why
			}
		}
		return files;
	}

	private static Path realPath(final Path p) {
		try {
			return p.toRealPath();
		}
		catch (final IOException e) {
			return p.toAbsolutePath().normalize();
		}
	}

	/** Adds the DICOM series (and series parts, such as echoes) found under {@code root}; returns how many. */
	private int addDicom(final Path root, final List<Path> candidates) {
		if (candidates.isEmpty()) return 0;
		final DicomFolder.Scan scan;
		try {
			scan = DicomFolder.scan(root);
		}
		catch (final DicomException e) {
			problems.add(e.getMessage());
			return 0;
		}
		for (final DicomFolder.Skipped e : scan.errors()) problems.add(e.toString());
		int notDicom = 0;
		for (final DicomFolder.Skipped k : scan.skipped())
			if (!k.isError() && k.file() != null && ImageFileNames.extensionOf(k.file().getFileName().toString()) == null
				&& !isPartnerFile(k.file().getFileName().toString())) notDicom++;
		if (scan.series().isEmpty()) {
			if (Files.isRegularFile(root) && scan.errors().isEmpty() && !scan.skipped().isEmpty()) problems.add(scan.skipped().get(0).toString());
			return 0;
		}
		if (notDicom > 0) notices.add(root + ": " + notDicom + " file(s) neither images nor DICOM images, skipped");
		if (!scan.annotations().isEmpty())
			notices.add(root + ": " + scan.annotations().size() + " RTSTRUCT/SEG file(s) are not cases (medprep convert turns them into label maps)");
		final List<DicomSeries> chosen;
		try {
			chosen = DicomFolder.select(scan, dicom);
		}
		catch (final DicomException e) {
			problems.add(e.getMessage());
			return 0;
		}
		final List<DicomSeries> series = new ArrayList<>();
		for (final DicomSeries s : chosen) {
			if (!seenSeries.add(s.uid() + "/" + s.part())) {
				notices.add(root + ": DICOM series " + s.seriesNumber() + " was already found in another input, taken once");
				continue;
			}
			series.add(s);
		}
		final Map<String, Integer> perFolder = new HashMap<>();
		for (final DicomSeries s : series) perFolder.merge(folderName(root, s), 1, Integer::sum);
		final Set<String> used = new HashSet<>();
		for (final DicomSeries s : series) {
			String name = name(root, s, perFolder.get(folderName(root, s)) > 1);
			for (int k = 2; !used.add(name); k++) name = name(root, s, true) + "_" + k;
			final Set<String> paths = new java.util.TreeSet<>();
			for (final DicomFrame f : s.frames()) paths.add(f.source());
			final String modality = s.modality().isEmpty() ? "" : s.modality() + ", ";
			cases.add(CaseRef.dicomSeries(name, root.toString(), s.uid(), s.part(), new ArrayList<>(paths),
				root + " series " + s.seriesNumber() + (s.part().isEmpty() ? "" : " " + s.part()) + " (" + modality + paths.size() + " file"
					+ (paths.size() == 1 ? "" : "s") + ")"));
		}
		return series.size();
	}

	private String name(final Path root, final DicomSeries s, final boolean numbered) {
		final String number = String.format(Locale.ROOT, "s%03d", s.seriesNumber());
		final String modality = s.modality().isEmpty() ? "" : "_" + sanitize(s.modality());
		final String part = s.part().isEmpty() ? "" : "_" + sanitize(s.part());
		switch (naming) {
			case FOLDER:
				return folderName(root, s) + (numbered ? "_" + number : "") + part;
			case DESCRIPTION:
				final String d = sanitize(withoutWords(s.description(), patientWords(s)));
				return number + modality + (d.isEmpty() ? "" : "_" + d) + "_" + digest(s.uid()) + part;
			default:
				return number + modality + "_" + digest(s.uid()) + part;
		}
	}

	private static String patientWords(final DicomSeries s) {
		try {
			final DicomDataset ds = s.frames().get(0).file().dataset();
			return ds.getString(PATIENT_NAME, "") + " " + ds.getString(Tags.PatientID, "");
		}
		catch (final DicomException e) {
			return "";
		}
	}

	/** The series' folder relative to the input ("sub_study"), the input's own name for series directly in it. */
	private static String folderName(final Path root, final DicomSeries s) {
		if (Files.isRegularFile(root)) return sanitize(ImageFileNames.baseName(root));
		final Path parent = Path.of(s.frames().get(0).source()).getParent();
		final Path rel = parent == null ? null : root.relativize(parent);
		final Path rootName = root.toAbsolutePath().normalize().getFileName();
		if (rel == null || rel.toString().isEmpty()) return sanitize(rootName == null ? "dicom" : rootName.toString());
		return sanitize(rel.toString().replace(root.getFileSystem().getSeparator(), "_"));
	}

	/** Drops the words of the patient's name and ID from a description. */
	static String withoutWords(final String description, final String patientWords) {
		final Set<String> drop = new HashSet<>();
		for (final String w : patientWords.split("[\\s^=,]+"))
			if (w.length() >= 2) drop.add(w.toLowerCase(Locale.ROOT));
		final StringBuilder sb = new StringBuilder();
		for (final String w : description.split("[\\s^_]+")) {
			if (w.isEmpty() || drop.contains(w.toLowerCase(Locale.ROOT))) continue;
			sb.append(sb.length() == 0 ? "" : "_").append(w);
		}
		return sb.toString();
	}

	/** Letters, digits, '.', '-' and '_' only, runs of anything else as one '_', at most 60 characters. */
	static String sanitize(final String s) {
		String t = s.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("_+", "_");
		t = t.replaceAll("^[_.]+|[_.]+$", "");
		if (t.length() > 60) t = t.substring(0, 60).replaceAll("[_.]+$", "");
		return t;
	}

	/** The first 8 hex digits of the SHA-256 of a UID: stable, short, and not the UID itself. */
	static String digest(final String uid) {
		return Digests.sha256Hex(uid, 8);
	}
}
