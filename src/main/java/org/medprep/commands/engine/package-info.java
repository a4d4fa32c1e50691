/**
 * The command engine: what a command run is, apart from ImageJ. A pipeline is
 * its text ({@link org.medprep.commands.engine.Pipeline}, macro lines
 * {@link org.medprep.commands.engine.MacroLine}, One Of / Some Of groups
 * {@link org.medprep.commands.engine.Composition}); the commands are the
 * {@link org.medprep.commands.engine.CommandCatalog}; what one run used is its
 * {@link org.medprep.commands.engine.StepRecord}, seeds resolved with
 * {@link org.medprep.commands.engine.Seeds}; a failure ends a command with one
 * line ({@link org.medprep.commands.engine.Failures},
 * {@link org.medprep.commands.engine.FailureCauses},
 * {@link org.medprep.commands.engine.InputValidation}); core work runs with the
 * context's {@link org.medprep.commands.engine.ThreadCount} through
 * {@link org.medprep.commands.engine.Threads}; a choice option names its one
 * vocabulary with {@link org.medprep.commands.engine.ChoicesOf}.
 * <p>
 * Nothing here imports ImageJ (a layer test checks it): a class that needs an
 * ImagePlus, ImageJ's macro parser, its preferences or its progress bar belongs
 * to {@link org.medprep.commands.imagej}. Where the engine needs such a thing
 * (option strings read as ImageJ reads them, the progress bar of a run), it
 * calls the bridge.
 */
package org.medprep.commands.engine;
