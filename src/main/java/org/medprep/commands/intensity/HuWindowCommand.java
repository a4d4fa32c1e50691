package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.intensity.WindowPreset;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("HU Window", "level=40 width=400 output=[float 0-1]")}, or a {@code preset}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>HU Window",
	description = "Window a CT by level and width (HU): float 0-1 for networks, 8-bit for viewing, or HU clipped to the window.")
public class HuWindowCommand extends IntensityCommand {

	@Parameter(label = "Level (HU)", description = "Window centre in HU; ignored when a preset is chosen.")
	private double level = 40;

	@Parameter(label = "Width (HU)", validater = "checkWidth", description = "Window width in HU (> 0); ignored when a preset is chosen.")
	private double width = 400;

	/** A window has a width. */
	private void checkWidth() {
		InputChecks.refuse(this, InputChecks.positive("width", width));
	}

	@ChoicesOf(WindowOutput.class)
	@Parameter(label = "Output", choices = { "float 0-1", "8-bit 0-255", "HU clipped" },
		description = "float 0-1: below the window 0, above 1; 8-bit 0-255 for viewing; HU clipped: HU limited to the window.")
	private String output = WindowOutput.FLOAT_UNIT.label();

	@ChoicesOf(WindowPreset.class)
	@Parameter(label = "Preset", choices = { "custom", "brain (W80 L40)", "subdural (W215 L75)", "stroke (W40 L40)", "lung (W1500 L-600)",
		"mediastinum (W350 L50)", "abdomen (W400 L50)", "liver (W150 L30)", "bone (W1800 L400)", "tutorial range (-1000 to 400)" },
		description = "A standard radiology window, or custom to use level and width.")
	private String preset = WindowPreset.CUSTOM.label();

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final WindowPreset p = WindowPreset.fromLabel(preset);
		final HuWindow window = p == WindowPreset.CUSTOM ? new HuWindow(level, width) : HuWindow.of(p);
		// a preset's level and width are the ones used, not the ignored options
		record.option("level", Double.toString(window.level())).option("width", Double.toString(window.width()));
		return window.apply(in, WindowOutput.fromLabel(output));
	}

	@Override
	protected String titleSuffix() {
		return "window";
	}
}
