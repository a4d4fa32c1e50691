/**
 * How MedPrep's commands behave when Fiji runs them through its ImageJ 1.x
 * layer (imagej-legacy): ImageJ 1.x macro semantics for options and outputs,
 * failures reported as one line, progress and cancel, {@code --run}. The
 * ImageJ 1.x bridge and the CLI run commands through
 * {@link org.medprep.commands.imagej.CommandInvocation}, which leaves these
 * processors out ({@link FijiHostProcessor}) and handles those concerns itself.
 */
package org.medprep.commands.host;
