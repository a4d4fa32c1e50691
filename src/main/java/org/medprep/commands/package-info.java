/**
 * The bases of MedPrep's SciJava commands ({@link org.medprep.commands.OpenImagesCommand},
 * {@link org.medprep.commands.VolumeCommand}, {@link org.medprep.commands.IntensityCommand},
 * {@link org.medprep.commands.SpatialCommand} and the mask option they share, {@link org.medprep.commands.MaskOption}); the commands
 * themselves, one per user operation, are in the subpackages of their menu group. The
 * root holds only these bases because they are what a new command extends and they
 * join both halves below it: the engine ({@link org.medprep.commands.engine}: pipelines,
 * step records, failures, threads) and the ImageJ side ({@link org.medprep.commands.imagej}:
 * ImagePlus to and from Subject, titles, progress).
 * <p>
 * A case is a {@link org.medprep.core.Subject}: named scalar images and label
 * maps on one grid with their {@link org.medprep.core.History}. A command that
 * works on a case extends {@link org.medprep.commands.VolumeCommand} and
 * implements {@code process(Subject in, StepRecord record)}; ImageJ and Fiji
 * reach it through {@code run()} (the active image becomes the subject once,
 * the result subject becomes {@code result} with its history), pipelines
 * through {@link org.medprep.commands.VolumeCommand#apply} (the subject they
 * carry, no ImagePlus). Which base to extend:
 * <ul>
 * <li>intensity steps: {@link org.medprep.commands.IntensityCommand}, whose
 * {@code processImage(image, subject, record)} runs on every scalar image;
 * label maps and the members the options name (a mask) are left alone; a
 * step that decides once for the whole case overrides {@code imageStep}
 * instead (the random intensity commands, {@code IntensityAugmentCommand}:
 * one seed, whether the step applies at all, then each image's draw from one
 * generator; a step that is not applied returns the case as it was);</li>
 * <li>deterministic spatial steps: {@code GeometryCommand} ({@code plan} and
 * {@code sampling}); random ones: {@code AugmentCommand} (a random transform,
 * {@code seed} and {@code p}; not applied, it returns an identity step, which
 * resamples nothing); any other spatial step (a registration's transform):
 * {@link org.medprep.commands.SpatialCommand}, returning a
 * {@link org.medprep.core.spatial.SpatialStep} from {@code step(in, record)};
 * the plan is recorded in the history and every member moves with it;</li>
 * <li>anything else (a label utility, a segmentation): {@code VolumeCommand}
 * itself, returning e.g. {@code in.withLabel(name, volume)};</li>
 * <li>a command on the open images that is not a step of a case (a table of
 * statistics, a preview, a cohort's model, patch files):
 * {@link org.medprep.commands.OpenImagesCommand}, the base of {@code VolumeCommand}
 * too, implementing {@code execute()}.</li>
 * </ul>
 * What a run really used goes into its {@link org.medprep.commands.engine.StepRecord}:
 * a random command resolves its seed with
 * {@link org.medprep.commands.engine.StepRecord#resolveSeed} (a drawn seed is recorded,
 * never written back into its option) and calls
 * {@code record.drawn(name, value)} for each drawn parameter; a command whose
 * options are overridden (a preset) calls {@code record.option(name, used)}.
 * Secondary inputs named in the options are found with {@code named(subject, title)}
 * (the case's member of that name, else the image of that title).
 * An output that is neither an image nor a table (a registration's transform)
 * implements {@link org.medprep.commands.engine.FileOutput}, so hosts write it with its
 * own file ending beside the case's other outputs.
 * {@link org.medprep.commands.imagej.HistoryStore} is the one place that puts a
 * history on an ImagePlus or a Volume (and so into TIFF, NIfTI and MetaImage
 * files) and reads it back.
 * <p>
 * What every host expects of a command, which {@code OpenImagesCommand} does for its
 * subclasses and any other command does itself: its work goes
 * through {@link org.medprep.commands.engine.Failures#run} (a bad option, an unreadable
 * file or a stop request ends it as cancelled with one line); long work runs
 * through {@link org.medprep.commands.engine.Threads#call(org.scijava.Context, java.util.concurrent.Callable, org.medprep.commands.engine.RunProgress)}
 * with a {@link org.medprep.commands.imagej.CommandProgress} (an {@code OpenImagesCommand}'s
 * {@code progress}), which core algorithms also get as their progress listener,
 * so the progress bar moves and Esc or cancel stops it; an image input is
 * {@code persist = false}; an output that is a label map comes out through
 * {@link org.medprep.commands.imagej.LabelMaps#mark} (label members of a subject do,
 * through {@link org.medprep.commands.imagej.SubjectImages}); a number option whose
 * default is found from the data is text with {@link org.medprep.commands.engine.AutoNumber}.
 */
package org.medprep.commands;
