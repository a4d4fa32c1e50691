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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomFrame;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.NotDicomException;
import org.medprep.io.dicom.SlicePlane;
import org.medprep.io.dicom.Tags;
import org.medprep.io.metaimage.MetaImageHeader;
import org.medprep.io.metaimage.MetaImageReader;

import net.imglib2.parallel.Parallelization;

/**
 * Finds the cases of a batch in its inputs: an image file is a case; a folder
 * is walked (subfolders too, symbolic links followed, hidden files skipped)
 * and every image file in it is a case, and every DICOM series in it (its
 * files grouped by Series Instance UID, wherever they lie) is a case. The same
 * file reached twice (through a link) counts once. Cases come out sorted by
 * name. Only headers are read.
 */
public final class CaseFinder {

	private static final int PATIENT_NAME = 0x00100010;
	private static final String DICOMDIR_SOP_CLASS = "1.2.840.10008.1.3.10";

	/** What a search found: the cases, notes for the user, and inputs that hold no case. */
	public static final class Found {
		private final List<CaseRef> cases;
		private final List<String> notices;
		private final List<String> problems;

		Found(final List<CaseRef> cases, final List<String> notices, final List<String> problems) {
			this.cases = Collections.unmodifiableList(cases);
			this.notices = Collections.unmodifiableList(notices);
			this.problems = Collections.unmodifiableList(problems);
		}

		public List<CaseRef> cases() { return cases; }
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

	private CaseFinder(final DicomNaming naming, final DicomLoadOptions dicom) {
		this.naming = naming;
		this.dicom = dicom;
	}

	/**
	 * @param dicom its plane filter, if any, keeps only the series in that plane
	 */
	public static Found find(final List<Path> inputs, final DicomNaming naming, final DicomLoadOptions dicom) {
		final CaseFinder finder = new CaseFinder(naming, dicom);
		for (final Path input : inputs) finder.add(input);
		final List<CaseRef> sorted = new ArrayList<>(finder.cases);
		Collections.sort(sorted);
		return new Found(sorted, finder.notices, finder.problems);
	}

	private void add(final Path input) {
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
		Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<Path>() {
			@Override
			public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs) {
				return !dir.equals(root) && hidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
				if (!attrs.isRegularFile() || hidden(file)) return FileVisitResult.CONTINUE;
				if (ImageFileNames.extensionOf(file.getFileName().toString()) != null) images.add(file);
				else if (!ImageFileNames.isPartnerFile(file.getFileName().toString())) others.add(file);
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
			sb.append(i == rel.getNameCount() - 1 ? ImageFileNames.stripExtension(rel.getName(i).toString()) : rel.getName(i).toString());
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

	/** One header-only look at a file that may be DICOM. */
	private static final class SeriesFile {
		final Path path;
		final String uid, modality, description, patientWords;
		final int number;

		SeriesFile(final Path path, final DicomDataset ds) throws DicomException {
			this.path = path;
			this.uid = ds.getString(Tags.SeriesInstanceUID, "");
			this.modality = ds.getString(Tags.Modality, "");
			this.description = ds.getString(Tags.SeriesDescription, "");
			this.number = ds.getInt(Tags.SeriesNumber, 0);
			this.patientWords = ds.getString(PATIENT_NAME, "") + " " + ds.getString(Tags.PatientID, "");
		}
	}

	/** Adds the DICOM series among {@code files}; returns how many. */
	private int addDicom(final Path root, final List<Path> files) {
		if (files.isEmpty()) return 0;
		final List<Object> scanned = Parallelization.getTaskExecutor().forEachApply(files, CaseFinder::scanFile);
		final Map<String, List<SeriesFile>> byUid = new LinkedHashMap<>();
		int skipped = 0;
		for (final Object o : scanned) {
			if (o instanceof SeriesFile) byUid.computeIfAbsent(((SeriesFile) o).uid, k -> new ArrayList<>()).add((SeriesFile) o);
			else skipped++;
		}
		if (byUid.isEmpty()) {
			if (Files.isRegularFile(root) && scanned.size() == 1) problems.add(String.valueOf(scanned.get(0)));
			return 0;
		}
		if (skipped > 0) notices.add(root + ": " + skipped + " file(s) neither images nor DICOM images, skipped");
		final List<List<SeriesFile>> series = new ArrayList<>();
		for (final List<SeriesFile> s : byUid.values()) {
			if (!seenSeries.add(s.get(0).uid)) {
				notices.add(root + ": DICOM series " + s.get(0).number + " was already found in another input, taken once");
				continue;
			}
			if (inPlane(s)) series.add(s);
		}
		if (series.isEmpty()) {
			problems.add(root + ": no " + dicom.planeFilter().map(SlicePlane::label).orElse("") + " DICOM series (" + byUid.size() + " in other planes)");
			return 0;
		}
		final Map<String, Integer> perFolder = new HashMap<>();
		for (final List<SeriesFile> s : series) perFolder.merge(folderName(root, s), 1, Integer::sum);
		final Set<String> used = new HashSet<>();
		for (final List<SeriesFile> s : series) {
			final SeriesFile first = s.get(0);
			String name = name(root, s, perFolder.get(folderName(root, s)) > 1);
			for (int k = 2; !used.add(name); k++) name = name(root, s, true) + "_" + k;
			final List<String> paths = new ArrayList<>();
			for (final SeriesFile f : s) paths.add(f.path.toString());
			Collections.sort(paths);
			final String modality = first.modality.isEmpty() ? "" : first.modality + ", ";
			cases.add(CaseRef.dicomSeries(name, root.toString(), first.uid, paths,
				root + " series " + first.number + " (" + modality + s.size() + " file" + (s.size() == 1 ? "" : "s") + ")"));
		}
		return series.size();
	}

	/** A SeriesFile, or the reason the file is not a DICOM image. */
	private static Object scanFile(final Path f) {
		try {
			final DicomFile file = DicomParser.readHeader(f);
			final String sopClass = file.dataset().getString(Tags.SOPClassUID, file.meta().getString(Tags.MediaStorageSOPClassUID, ""));
			if (DICOMDIR_SOP_CLASS.equals(sopClass)) return f + ": a DICOMDIR (a media directory, not an image)";
			if (!file.pixelData().isPresent()) return f + ": DICOM without pixel data";
			final SeriesFile s = new SeriesFile(f, file.dataset());
			if (s.uid.isEmpty()) return f + ": DICOM without a Series Instance UID";
			return s;
		}
		catch (final NotDicomException e) {
			return f + ": not DICOM";
		}
		catch (final DicomException e) {
			return e.getMessage();
		}
	}

	private boolean inPlane(final List<SeriesFile> s) {
		final Optional<SlicePlane> want = dicom.planeFilter();
		if (!want.isPresent()) return true;
		try {
			final DicomFrame frame = DicomFrame.of(DicomParser.readHeader(s.get(0).path)).get(0);
			return SlicePlane.classify(frame.imageOrientationPatient(), dicom.planeToleranceDegrees()).plane() == want.get();
		}
		catch (final DicomException e) {
			return false;
		}
	}

	private String name(final Path root, final List<SeriesFile> s, final boolean numbered) {
		final SeriesFile first = s.get(0);
		final String number = String.format(Locale.ROOT, "s%03d", first.number);
		final String modality = first.modality.isEmpty() ? "" : "_" + sanitize(first.modality);
		switch (naming) {
			case FOLDER:
				return folderName(root, s) + (numbered ? "_" + number : "");
			case DESCRIPTION:
				final String d = sanitize(withoutWords(first.description, first.patientWords));
				return number + modality + (d.isEmpty() ? "" : "_" + d) + "_" + digest(first.uid);
			default:
				return number + modality + "_" + digest(first.uid);
		}
	}

	/** The series' folder relative to the input ("sub_study"), the input's own name for series directly in it. */
	private static String folderName(final Path root, final List<SeriesFile> s) {
		if (Files.isRegularFile(root)) return sanitize(ImageFileNames.baseName(root));
		final Path parent = s.get(0).path.getParent();
		final Path rel = parent == null ? null : root.relativize(parent);
		if (rel == null || rel.toString().isEmpty()) return sanitize(root.toAbsolutePath().normalize().getFileName() == null ? "dicom"
			: root.toAbsolutePath().normalize().getFileName().toString());
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
