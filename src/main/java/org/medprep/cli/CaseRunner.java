package org.medprep.cli;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.commands.engine.FileOutput;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImageTitleService;
import org.medprep.commands.imagej.SubjectImages;
import org.medprep.commands.imagej.SubjectPipeline;
import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.io.storage.AtomicFiles;
import org.scijava.Context;

import net.imglib2.type.numeric.RealType;

/**
 * Runs a parsed pipeline on one case: the case's members are read into one
 * {@link Subject} (the {@code -i} input as its main image {@value MemberSource#MAIN},
 * the {@code --image} and {@code --label} members beside it, its history from
 * the main input's file), every step runs on that subject ({@link SubjectPipeline}:
 * case commands get it directly; commands on ImageJ images, such as previews
 * and plots, see the main image and add outputs; One Of / Some Of groups draw
 * per case), and all outputs are staged and renamed into place together, or
 * none if anything fails.
 * <p>
 * Output layout, in {@code outDir}:
 * <ul>
 * <li>{@code <case>.<format>}: the main image;</li>
 * <li>{@code <name>/<case>.<format>}: each other member the pipeline changed
 * or moved (a spatial step moves every member, also one drawn not to apply,
 * so every case of an augmentation run has its label map; an unchanged mask
 * of an intensity pipeline is not copied), so training code finds
 * {@code out/seg/case001.nii.gz} beside {@code out/case001.nii.gz};</li>
 * <li>{@code <case>_<output>.<ext>}: the steps' other outputs: tables as CSV,
 * pictures (RGB, or one plane from a command on ImageJ images) as PNG, other
 * images in the volume format, outputs that are files of their own kind
 * ({@link FileOutput}: a registration's transform) with their own ending,
 * e.g. {@code <case>_registration.tfm}.</li>
 * </ul>
 * Every image written carries the case's history. Consecutive spatial steps
 * are resampled once unless fusion is off. No picocli and no console here:
 * batch loops (the CLI's, a cluster's) call {@link #run} once per case. One
 * runner runs one case at a time (the titles of references are registered for
 * the case's duration).
 */
public final class CaseRunner {

	/** The case after the pipeline: the subject, which members changed, and the steps' other outputs by name. */
	static final class Outcome {
		final Subject subject;
		final List<String> changed;
		final Map<String, Object> extras;
		final Map<String, Boolean> pictures;

		Outcome(final Subject subject, final List<String> changed, final Map<String, Object> extras, final Map<String, Boolean> pictures) {
			this.subject = subject;
			this.changed = changed;
			this.extras = extras;
			this.pictures = pictures;
		}
	}

	private final SubjectPipeline steps;
	private final ImageTitleService titles;
	private final String format;
	private final boolean fuse;

	/** Whose {@link org.medprep.commands.engine.ThreadCount} the case runs with. */
	private final Context context;

	/**
	 * @param format the volume format of the outputs: nii.gz, nii, mha or tif
	 * @param fuse resample consecutive spatial steps once (false: after every step)
	 * @throws IllegalArgumentException for an unknown command in the pipeline or format
	 */
	public CaseRunner(final Context context, final Pipeline pipeline, final String format, final boolean fuse) {
		this.context = context;
		if (!ImageFiles.OUTPUT_FORMATS.contains(format))
			throw new IllegalArgumentException("unsupported output format '" + format + "' (supported: " + ImageFiles.OUTPUT_FORMATS + ")");
		this.steps = new SubjectPipeline(context, pipeline);
		this.titles = context.service(ImageTitleService.class);
		this.format = format;
		this.fuse = fuse;
	}

	/**
	 * Reads the case, runs the pipeline on it and writes its outputs.
	 *
	 * @return the files written, the main image first
	 * @throws IOException naming the file that could not be read or written
	 * @throws IllegalArgumentException for a step that fails on this case, with the step's message
	 */
	public List<Path> run(final Case input, final List<MemberSource> members, final Path outDir) throws IOException {
		// all of the case with the run's thread count, its reading and writing too (compression is parallel)
		return withThreads(() -> write(input.base, process(input, members), outDir));
	}

	/** Work on a case that may fail to read or write a file. */
	@FunctionalInterface
	private interface CaseWork<R> {
		R call() throws IOException;
	}

	private <R> R withThreads(final CaseWork<R> work) throws IOException {
		try {
			return Threads.call(context, () -> {
				try {
					return work.call();
				}
				catch (final IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (final UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** The pipeline on one case, nothing written. */
	Outcome process(final Case input, final List<MemberSource> members) throws IOException {
		final Map<String, Volume<? extends RealType<?>>> read = new LinkedHashMap<>();
		Subject subject = read(input, members, read);
		try {
			for (final MemberSource m : members)
				if (m.role == MemberSource.Role.REFERENCE) {
					final ImagePlus ref = ImageFiles.read(m.forCase(input.base));
					ref.setTitle(m.name);
					titles.register(m.name, ref);
				}
			final Subject start = subject.withFusion(fuse);
			final Map<String, Object> extras = new LinkedHashMap<>();
			final Map<String, Boolean> pictures = new LinkedHashMap<>();
			final Subject end = resampled(steps(start, input.base, extras, pictures));
			// a spatial step of this run (a plan in the history) moved every member, even one that left the grid as it was
			boolean moved = false;
			for (final History.Step s : end.history().steps().subList(start.history().size(), end.history().size())) moved |= s.plan() != null;
			final List<String> changed = new ArrayList<>();
			for (final String name : end.names())
				if (!name.equals(end.mainName()) && (moved || end.volume(name) != read.get(name))) changed.add(name);
			return new Outcome(end, changed, extras, pictures);
		}
		finally {
			titles.clear();
		}
	}

	/** The case with the spatial steps it ends on resampled; running out of memory there says so, as a step's failure names the step. */
	private static Subject resampled(final Subject stepped) {
		try {
			return stepped.materialize();
		}
		catch (final OutOfMemoryError e) {
			if (!stepped.isPending()) throw e;
			throw new IllegalStateException("the resampling of the spatial steps the pipeline ends with: out of memory", e);
		}
	}

	private Subject steps(final Subject start, final String base, final Map<String, Object> extras, final Map<String, Boolean> pictures) {
		return steps.run(start, base, (name, value, ofCase) -> {
			extras.put(name, value);
			pictures.put(name, ofCase ? isRgb(value) : value instanceof ImagePlus && ImageFiles.isPicture((ImagePlus) value));
		});
	}

	private static boolean isRgb(final Object value) {
		return value instanceof ImagePlus && ((ImagePlus) value).getType() == ImagePlus.COLOR_RGB;
	}

	/** The case's members as one subject; {@code read} gets each member's volume as read. */
	private static Subject read(final Case input, final List<MemberSource> members, final Map<String, Volume<? extends RealType<?>>> read)
		throws IOException
	{
		final Volume<? extends RealType<?>> main = input.volume();
		final History history = historyOf(input.source, main);
		Subject subject = Subject.of(MemberSource.MAIN, HistoryStore.without(main)).withHistory(history);
		read.put(MemberSource.MAIN, subject.main());
		for (final MemberSource m : members) {
			if (m.role == MemberSource.Role.REFERENCE) continue;
			if (subject.has(m.name)) throw new IllegalArgumentException("two members are named '" + m.name + "'");
			final Path file = m.forCase(input.base);
			final Volume<? extends RealType<?>> v = HistoryStore.without(ImageFiles.readVolume(file));
			try {
				subject = m.role == MemberSource.Role.LABEL ? subject.withLabel(m.name, v) : subject.withImage(m.name, v);
			}
			catch (final IllegalArgumentException e) {
				throw new IOException(file + ": not on the grid of " + input.source + " (" + e.getMessage() + ")");
			}
			read.put(m.name, v);
		}
		return subject;
	}

	private static History historyOf(final String source, final Volume<?> v) throws IOException {
		try {
			return HistoryStore.of(v);
		}
		catch (final IllegalArgumentException e) {
			throw new IOException(source + ": " + e.getMessage());
		}
	}

	/** Stages every output beside its target, then renames them all into place: all of a case's outputs, or none. */
	private List<Path> write(final String base, final Outcome o, final Path outDir) throws IOException {
		final History history = o.subject.history();
		try (AtomicFiles.Staging staged = AtomicFiles.staging()) {
			stage(staged, outDir.resolve(base + "." + format), tmp -> ImageFiles.write(o.subject.main(), history, tmp));
			for (final String name : o.changed)
				stage(staged, outDir.resolve(name).resolve(base + "." + format), tmp -> ImageFiles.write(o.subject.volume(name), history, tmp));
			for (final Map.Entry<String, Object> e : o.extras.entrySet()) {
				final Object value = e.getValue();
				if (value instanceof ResultsTable) stage(staged, outDir.resolve(base + "_" + e.getKey() + ".csv"), tmp -> TableFiles.saveCsv((ResultsTable) value, tmp));
				else if (value instanceof ImagePlus && o.pictures.get(e.getKey()))
					stage(staged, outDir.resolve(base + "_" + e.getKey() + ".png"), tmp -> ImageFiles.savePng((ImagePlus) value, tmp));
				else if (value instanceof ImagePlus)
					stage(staged, outDir.resolve(base + "_" + e.getKey() + "." + format), tmp -> ImageFiles.write((ImagePlus) value, tmp));
				else if (value instanceof FileOutput)
					stage(staged, outDir.resolve(base + "_" + e.getKey() + "." + ((FileOutput) value).extension()), tmp -> ((FileOutput) value).write(tmp));
			}
			return staged.commit();
		}
	}

	/** Stages one output; the temporary file keeps the target's name at its end, so the same writer picks the same format. */
	private static void stage(final AtomicFiles.Staging staged, final Path target, final AtomicFiles.FileContent writer) throws IOException {
		Files.createDirectories(target.toAbsolutePath().getParent());
		staged.addFile(target, writer);
	}
}
