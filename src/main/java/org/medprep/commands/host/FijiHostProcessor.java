package org.medprep.commands.host;

/**
 * Marks the module processors that adapt MedPrep commands to Fiji's ImageJ 1.x
 * layer; {@link org.medprep.commands.imagej.CommandInvocation} (the ImageJ 1.x bridge
 * and the CLI) runs without them.
 */
public interface FijiHostProcessor {}
