package org.medprep.cli;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Composition;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.imagej.CommandInvocation;
import org.scijava.ItemIO;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;

/**
 * The files a case can write, known from the pipeline before anything runs, in
 * {@link CaseRunner}'s layout: the main image as CASE.FORMAT, each member as
 * MEMBER/CASE.FORMAT, the steps' other outputs as CASE_OUTPUT.csv (tables) or
 * CASE_OUTPUT.FORMAT and CASE_OUTPUT.png (images; a picture is PNG). For the
 * collision check and for removing an interrupted run's staging files; a case
 * may write fewer (an unchanged member is not copied).
 */
final class PlannedOutputs {

	private final String format;
	/** Endings after the case's name: ".nii.gz", "_table.csv"... */
	private final List<String> suffixes = new ArrayList<>();
	/** Folders of the members, which hold CASE.FORMAT. */
	private final List<String> memberFolders = new ArrayList<>();

	PlannedOutputs(final Pipeline pipeline, final CommandCatalog catalog, final List<MemberSource> members, final String format) {
		this.format = format;
		final Set<String> extras = new LinkedHashSet<>();
		for (final MacroLine step : pipeline.steps()) {
			if (Composition.isMarker(step.label())) continue; // One Of / Some Of lines: their steps are listed too
			final CommandInfo info = catalog.byLabel(step.label());
			final boolean onCases = CommandInvocation.worksOnSubjects(info);
			for (final ModuleItem<?> out : info.outputs()) {
				if (out.getIOType() != ItemIO.OUTPUT && out.getIOType() != ItemIO.BOTH) continue;
				// a case command's image results are the case itself
				if (onCases && ("result".equals(out.getName()) || "label_result".equals(out.getName()))) continue;
				if (ImagePlus.class.isAssignableFrom(out.getType())) {
					extras.add("_" + out.getName() + "." + format);
					extras.add("_" + out.getName() + ".png");
				}
				else if (ResultsTable.class.isAssignableFrom(out.getType())) extras.add("_" + out.getName() + ".csv");
			}
		}
		suffixes.add("." + format);
		suffixes.addAll(extras);
		for (final MemberSource m : members)
			if (m.role != MemberSource.Role.REFERENCE) memberFolders.add(m.name);
	}

	/** The files of one case, relative to the output folder. */
	List<String> forCase(final String name) {
		final List<String> out = new ArrayList<>();
		for (final String s : suffixes) out.add(name + s);
		for (final String folder : memberFolders) out.add(folder + "/" + name + "." + format);
		return out;
	}
}
