package org.medprep.commands.engine;

/**
 * Marks a command that puts the history on its image outputs itself, with
 * what the run really used (a drawn seed, drawn parameters), through a
 * {@link StepRecord}; the history postprocessor of the bridge
 * ({@code commands.imagej.HistoryPostprocessor}, which checks for this
 * interface) leaves its outputs alone. {@code commands.VolumeCommand} is one.
 */
public interface RecordsHistory {
}
