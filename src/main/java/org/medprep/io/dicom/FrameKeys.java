package org.medprep.io.dicom;

import java.util.List;

/**
 * What tells the frames of one series apart besides their position: echo,
 * temporal position, diffusion b-value, acquisition and instance numbers.
 * Read from the frame's per-frame functional group (enhanced multi-frame:
 * MR Echo, MR Diffusion, Frame Content), else the shared one, else the top
 * level (single-frame files). Absent values are NaN.
 */
final class FrameKeys {

	static final int ECHO_NUMBERS = 0x00180086;
	static final int ECHO_TIME = 0x00180081;
	static final int EFFECTIVE_ECHO_TIME = 0x00189082;
	static final int MR_ECHO_SEQUENCE = 0x00189114;
	static final int DIFFUSION_B_VALUE = 0x00189087;
	static final int MR_DIFFUSION_SEQUENCE = 0x00189117;
	static final int TEMPORAL_POSITION_IDENTIFIER = 0x00200100;
	static final int TEMPORAL_POSITION_INDEX = 0x00209128;
	static final int TRIGGER_TIME = 0x00181060;

	final double echoNumber;
	final double echoTime;
	final double temporalPosition;
	final double bValue;
	final double acquisitionNumber;
	final int instanceNumber;
	final String sopInstanceUid;

	private FrameKeys(final double echoNumber, final double echoTime, final double temporalPosition, final double bValue,
		final double acquisitionNumber, final int instanceNumber, final String sopInstanceUid)
	{
		this.echoNumber = echoNumber;
		this.echoTime = echoTime;
		this.temporalPosition = temporalPosition;
		this.bValue = bValue;
		this.acquisitionNumber = acquisitionNumber;
		this.instanceNumber = instanceNumber;
		this.sopInstanceUid = sopInstanceUid;
	}

	static FrameKeys of(final DicomFrame f) throws DicomException {
		final DicomDataset top = f.file().dataset();
		final List<DicomDataset> perFrame = top.getItems(Tags.PerFrameFunctionalGroupsSequence);
		final DicomDataset pf = f.frameIndex() < perFrame.size() ? perFrame.get(f.frameIndex()) : null;
		final List<DicomDataset> shared = top.getItems(Tags.SharedFunctionalGroupsSequence);
		final DicomDataset sh = shared.isEmpty() ? null : shared.get(0);
		final double echoTime = first(value(pf, sh, MR_ECHO_SEQUENCE, EFFECTIVE_ECHO_TIME), top.getDouble(ECHO_TIME, Double.NaN));
		final double temporal = first(value(pf, sh, Tags.FrameContentSequence, TEMPORAL_POSITION_INDEX),
			top.getDouble(TEMPORAL_POSITION_IDENTIFIER, Double.NaN));
		final double b = first(value(pf, sh, MR_DIFFUSION_SEQUENCE, DIFFUSION_B_VALUE), top.getDouble(DIFFUSION_B_VALUE, Double.NaN));
		return new FrameKeys(top.getDouble(ECHO_NUMBERS, Double.NaN), echoTime, temporal, b, top.getDouble(Tags.AcquisitionNumber, Double.NaN),
			f.instanceNumber(), top.getString(Tags.SOPInstanceUID, ""));
	}

	private static double first(final double a, final double b) {
		return Double.isNaN(a) ? b : a;
	}

	/** {@code tag} inside sequence {@code seq} of the per-frame group, else of the shared group; NaN if neither has it. */
	private static double value(final DicomDataset perFrame, final DicomDataset shared, final int seq, final int tag) throws DicomException {
		for (final DicomDataset g : new DicomDataset[] { perFrame, shared }) {
			if (g == null) continue;
			for (final DicomDataset item : g.getItems(seq))
				if (item.contains(tag)) return item.getDouble(tag, Double.NaN);
		}
		return Double.NaN;
	}
}
