/**
 * The command engine: what a command run is, apart from ImageJ. A pipeline is
 * its text ({@link org.medprep.commands.engine.Pipeline}, macro lines
 * {@link org.medprep.commands.engine.MacroLine} with their option strings
 * {@link org.medprep.commands.engine.MacroOptionSyntax}, One Of / Some Of groups
 * {@link org.medprep.commands.engine.Composition}); the commands are the
 * {@link org.medprep.commands.engine.CommandCatalog}, by their labels; what one run used is its
 * {@link org.medprep.commands.engine.StepRecord}, seeds resolved with
 * {@link org.medprep.commands.engine.Seeds}; a failure ends a command with one
 * line ({@link org.medprep.commands.engine.Failures},
 * {@link org.medprep.commands.engine.FailureCauses},
 * {@link org.medprep.commands.engine.InputValidation}); core work runs with the
 * context's {@link org.medprep.commands.engine.ThreadCount} through
 * {@link org.medprep.commands.engine.Threads}, stopping and showing progress
 * through a {@link org.medprep.commands.engine.RunProgress}; a choice option names its one
 * vocabulary with {@link org.medprep.commands.engine.ChoicesOf}.
 * <p>
 * Nothing here imports ImageJ, nor the bridge {@link org.medprep.commands.imagej}
 * (layer tests check both): a class that needs an ImagePlus, ImageJ's macro
 * parser, its preferences or its progress bar belongs to the bridge, which
 * uses the engine and never the other way round. Where the engine needs what
 * only a host knows, it defines the interface and the bridge implements it:
 * {@code RunProgress} (ImageJ's progress bar and Esc, in
 * {@code CommandProgress}), {@code ThreadCount} (ImageJ's thread setting, in
 * {@code DefaultThreadCount}), {@code RecordsHistory} (which the bridge's
 * {@code HistoryPostprocessor} checks for). A command's options are read with
 * ImageJ's own parser in the bridge ({@code MacroOptions}); the engine reads
 * only the pipeline's own lines, by the same rule ({@code MacroOptionSyntax}).
 */
package org.medprep.commands.engine;
