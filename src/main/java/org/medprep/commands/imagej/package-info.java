/**
 * The ImageJ side of the commands: ImagePlus to and from Volume and Subject
 * ({@link org.medprep.commands.imagej.ImagePlusVolumes},
 * {@link org.medprep.commands.imagej.SubjectImages},
 * {@link org.medprep.commands.imagej.LabelMaps}), the history on an ImagePlus
 * ({@link org.medprep.commands.imagej.HistoryStore},
 * {@link org.medprep.commands.imagej.HistoryPostprocessor}), images by title
 * ({@link org.medprep.commands.imagej.ImageTitleService}), a command's macro
 * options read with ImageJ's own parser ({@link org.medprep.commands.imagej.MacroOptions}),
 * running a command as a macro would, with an image as its main input
 * ({@link org.medprep.commands.imagej.CommandInvocation},
 * {@link org.medprep.commands.imagej.CommandOptions},
 * {@link org.medprep.commands.imagej.SubjectPipeline}), the progress bar and Esc
 * ({@link org.medprep.commands.imagej.CommandProgress}, the engine's
 * {@link org.medprep.commands.engine.RunProgress}), ImageJ's thread
 * setting ({@link org.medprep.commands.imagej.DefaultThreadCount}), the checks of
 * a command's inputs, which include its image
 * ({@link org.medprep.commands.imagej.InputChecks}), and the command reference,
 * which names image inputs by title
 * ({@link org.medprep.commands.imagej.CommandReference}).
 * <p>
 * Every class here needs ImageJ 1.x; what does not lives in
 * {@link org.medprep.commands.engine}, which this package uses and which never
 * uses this one (a layer test checks it).
 */
package org.medprep.commands.imagej;
