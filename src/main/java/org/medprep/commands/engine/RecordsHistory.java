package org.medprep.commands.engine;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.imagej.HistoryPostprocessor;



/**
 * Marks a command that puts the history on its image outputs itself, with
 * what the run really used (a drawn seed, drawn parameters), through a
 * {@link StepRecord}; {@link HistoryPostprocessor} leaves its outputs alone.
 * {@link VolumeCommand} is one.
 */
public interface RecordsHistory {
}
