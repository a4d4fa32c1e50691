package org.medprep.io.nnunet;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.spatial.Grid;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.ImageFormats;
import org.medprep.io.storage.AtomicFiles;

import net.imglib2.type.numeric.RealType;

/**
 * Writes an nnU-Net v2 raw dataset ({@code documentation/dataset_format.md} of
 * nnU-Net): {@code DatasetXXX_Name/} with {@code imagesTr/<case>_<channel:4
 * digits>.nii.gz}, {@code labelsTr/<case>.nii.gz}, optional
 * {@code imagesTs/<case>_<channel>.nii.gz}, and {@code dataset.json} with
 * {@code channel_names} (channel number as text to name), {@code labels} (name to
 * value, background 0, consecutive), {@code numTraining} and
 * {@code file_ending}.
 * <p>
 * Every case is checked before anything is written: all its channels and its
 * label map share one space (size, spacing, origin and direction within
 * {@link Geometry#SAME_SPACE_TOLERANCE}, MedPrep's one tolerance), the label map holds whole numbers and only
 * declared labels. The dataset is written into a hidden folder beside the
 * target and renamed into place when complete, so a failure leaves no output;
 * an existing dataset folder is never overwritten.
 */
public final class NnUnetDataset {

	public static final String FILE_ENDING = ".nii.gz";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*");
	private static final Pattern CASE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

	/** One case: its identifier, one file per channel (in channel order) and its label map (null for a test case). */
	public static final class Case {
		final String id;
		final List<Path> channels;
		final Path labels;

		public Case(final String id, final List<Path> channels, final Path labels) {
			this.id = id;
			this.channels = Collections.unmodifiableList(new ArrayList<>(channels));
			this.labels = labels;
		}

		public String id() { return id; }
		public boolean isTraining() { return labels != null; }
	}

	private final int id;
	private final String name;
	private final List<String> channelNames;
	private final Map<String, Integer> labels;

	/**
	 * @param id the dataset number, 1 to 999 (nnU-Net suggests 500 and up for your own)
	 * @param name letters, digits and '-' (the folder is DatasetXXX_name)
	 * @param channelNames per channel in order, e.g. CT (nnU-Net's CT normalization) or T1, T2
	 * @param labels name to value; background must be 0 and the values 0..n consecutive
	 * @throws IllegalArgumentException naming what breaks nnU-Net's rules
	 */
	public NnUnetDataset(final int id, final String name, final List<String> channelNames, final Map<String, Integer> labels) {
		if (id < 1 || id > 999) throw new IllegalArgumentException("the nnU-Net dataset id must be 1 to 999, got " + id);
		if (name == null || !NAME.matcher(name).matches())
			throw new IllegalArgumentException("the dataset name must be letters, digits and '-', got '" + name + "'");
		if (channelNames == null || channelNames.isEmpty()) throw new IllegalArgumentException("give at least one channel (e.g. CT)");
		if (channelNames.size() > 9999) throw new IllegalArgumentException("nnU-Net channels have four digits: at most 9999");
		for (final String c : channelNames)
			if (c == null || c.trim().isEmpty()) throw new IllegalArgumentException("channel names must not be empty");
		if (labels == null || !Integer.valueOf(0).equals(labels.get("background")))
			throw new IllegalArgumentException("the labels must name the background 0 (background=0)");
		final int[] values = labels.values().stream().mapToInt(Integer::intValue).sorted().toArray();
		for (int k = 0; k < values.length; k++)
			if (values[k] != k) throw new IllegalArgumentException("nnU-Net label values must be consecutive from 0, got " + Arrays.toString(values));
		this.id = id;
		this.name = name;
		this.channelNames = Collections.unmodifiableList(new ArrayList<>(channelNames));
		this.labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
	}

	/** {@code DatasetXXX_Name}. */
	public String folderName() {
		return String.format(Locale.ROOT, "Dataset%03d_%s", id, name);
	}

	/**
	 * Checks every case, then writes the dataset into {@code raw} (nnU-Net's nnUNet_raw folder).
	 * @return the dataset folder
	 * @throws IOException naming the file and the problem; nothing is left behind
	 * @throws IllegalArgumentException if the cases break the naming rules (duplicate or bad identifiers, channel counts)
	 */
	public Path write(final List<Case> cases, final Path raw) throws IOException {
		final Path target = raw.resolve(folderName());
		if (Files.exists(target)) throw new IOException(target + ": already exists; remove it or choose another dataset id");
		checkNames(cases);
		if (cases.stream().noneMatch(Case::isTraining)) throw new IllegalArgumentException("no case has a label map: nnU-Net needs training cases");
		final int maxLabel = labels.size() - 1;
		for (final Case c : cases) check(c, maxLabel); // every case before any output
		Files.createDirectories(raw);
		try (AtomicFiles.StagedFolder folder = AtomicFiles.stageFolder(target)) {
			final Path staging = folder.path();
			Files.createDirectories(staging.resolve("imagesTr"));
			Files.createDirectories(staging.resolve("labelsTr"));
			if (cases.stream().anyMatch(c -> !c.isTraining())) Files.createDirectories(staging.resolve("imagesTs"));
			int training = 0;
			for (final Case c : cases) {
				final Path images = staging.resolve(c.isTraining() ? "imagesTr" : "imagesTs");
				for (int k = 0; k < c.channels.size(); k++)
					ImageFormats.write(ImageFormats.read(c.channels.get(k)), images.resolve(channelFile(c.id, k)));
				if (c.isTraining()) {
					ImageFormats.write(LabelMap.read(real(ImageFormats.read(c.labels))).toVolume(), staging.resolve("labelsTr").resolve(c.id + FILE_ENDING));
					training++;
				}
			}
			Files.write(staging.resolve("dataset.json"), datasetJson(training).getBytes(StandardCharsets.UTF_8));
			return folder.commit();
		}
	}

	/** {@code <case>_<channel:04>.nii.gz}. */
	public static String channelFile(final String caseId, final int channel) {
		return String.format(Locale.ROOT, "%s_%04d%s", caseId, channel, FILE_ENDING);
	}

	/** The dataset.json text for this many training cases (Gson, two-space indent as nnU-Net's own). */
	public String datasetJson(final int numTraining) {
		final StringWriter text = new StringWriter();
		try (JsonWriter w = new JsonWriter(text)) {
			w.setIndent("  ");
			w.setHtmlSafe(false);
			w.beginObject().name("channel_names").beginObject();
			for (int k = 0; k < channelNames.size(); k++) w.name(Integer.toString(k)).value(channelNames.get(k));
			w.endObject().name("labels").beginObject();
			final List<Map.Entry<String, Integer>> sorted = new ArrayList<>(labels.entrySet());
			sorted.sort(Comparator.comparingInt(Map.Entry::getValue));
			for (final Map.Entry<String, Integer> l : sorted) w.name(l.getKey()).value(l.getValue().longValue());
			w.endObject();
			w.name("numTraining").value(numTraining);
			w.name("file_ending").value(FILE_ENDING);
			w.name("name").value(name);
			w.name("description").value("written by MedPrep");
			w.endObject();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // a StringWriter does not fail
		}
		return text.append('\n').toString();
	}

	private void checkNames(final List<Case> cases) {
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final Case c : cases) {
			if (!CASE.matcher(c.id).matches())
				throw new IllegalArgumentException("case identifier '" + c.id + "' must be letters, digits, '_', '.' and '-' (from its file name)");
			if (!seen.add(c.id)) throw new IllegalArgumentException("two cases are named '" + c.id + "'");
			if (c.channels.size() != channelNames.size())
				throw new IllegalArgumentException("case '" + c.id + "' has " + c.channels.size() + " channel files, the dataset " + channelNames.size());
		}
	}

	/** Same space for all channels and the labels; labels whole, declared. */
	private static void check(final Case c, final int maxLabel) throws IOException {
		final Path first = c.channels.get(0);
		final Grid grid = Grid.of(ImageFormats.read(first));
		for (int k = 1; k < c.channels.size(); k++) sameSpace(grid, first, c.channels.get(k));
		if (!c.isTraining()) return;
		final Volume<?> labels = sameSpace(grid, first, c.labels);
		final LabelMap map;
		try {
			map = LabelMap.read(real(labels));
		}
		catch (final IllegalArgumentException e) {
			throw new ImageFormatException(c.labels, "not a label map: " + e.getMessage());
		}
		for (final int l : map.presentLabels())
			if (l > maxLabel) throw new ImageFormatException(c.labels, "label " + l + " is not declared (declared: 0 to " + maxLabel + ")");
	}

	private static Volume<?> sameSpace(final Grid grid, final Path first, final Path other) throws IOException {
		final Volume<?> v = ImageFormats.read(other);
		final Grid g = Grid.of(v);
		if (!Arrays.equals(g.size(), grid.size()))
			throw new ImageFormatException(other, "is " + size(g) + " voxels but " + first.getFileName() + " is " + size(grid) + ": not one space");
		if (!g.geometry().sameSpace(grid.geometry()))
			throw new ImageFormatException(other, "spacing, origin or direction differ from " + first.getFileName() + " (more than " + Geometry.SAME_SPACE_TOLERANCE
				+ " mm): not one space; resample it onto the image first (Resample to Reference)");
		return v;
	}

	private static String size(final Grid g) {
		return g.size(0) + "x" + g.size(1) + "x" + g.size(2);
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> real(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}
}
