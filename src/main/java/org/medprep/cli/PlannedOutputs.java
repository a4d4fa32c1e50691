package org.medprep.cli;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.medprep.commands.CommandCatalog;
import org.medprep.commands.MacroLine;
import org.medprep.commands.Pipeline;
import org.scijava.ItemIO;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

/**
 * The files a case can write, known from the pipeline before anything runs
 * (as {@link PipelineRunner} names them: the main image as CASE.FORMAT, other
 * image outputs as CASE_OUTPUT.FORMAT, tables as CASE_OUTPUT.csv): for the
 * collision check and for removing an interrupted run's staging files.
 */
final class PlannedOutputs {

	private final List<String> suffixes = new ArrayList<>();

	PlannedOutputs(final Pipeline pipeline, final CommandCatalog catalog, final String format) {
		final Set<String> extras = new LinkedHashSet<>();
		for (final MacroLine step : pipeline.steps()) {
			final CommandInfo info = catalog.byLabel(step.label());
			boolean main = true;
			for (final ModuleItem<?> out : info.outputs()) {
				if (out.getIOType() != ItemIO.OUTPUT && out.getIOType() != ItemIO.BOTH) continue;
				if (ImagePlus.class.isAssignableFrom(out.getType())) {
					if (!main) extras.add("_" + out.getName() + "." + format);
					main = false;
				}
				else if (ResultsTable.class.isAssignableFrom(out.getType())) extras.add("_" + out.getName() + ".csv");
			}
		}
		suffixes.add("." + format);
		suffixes.addAll(extras);
	}

	List<String> forCase(final String name) {
		final List<String> files = new ArrayList<>();
		for (final String s : suffixes) files.add(name + s);
		return files;
	}
}
