package org.medprep.io.dicom.deid;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.TransferSyntax;

/** The result of de-identifying one parsed file: new meta group and data set, ready for {@link DicomFileWriter}. */
public final class DeidentifiedFile {

	private final DicomDataset meta;
	private final TransferSyntax transferSyntax;
	private final DicomDataset dataset;
	private final Map<DeidCount, Integer> counts;
	private final List<String> burnedInReasons;

	DeidentifiedFile(final DicomDataset meta, final TransferSyntax transferSyntax, final DicomDataset dataset,
		final Map<DeidCount, Integer> counts, final List<String> burnedInReasons)
	{
		this.meta = meta;
		this.transferSyntax = transferSyntax;
		this.dataset = dataset;
		this.counts = Collections.unmodifiableMap(new EnumMap<>(counts));
		this.burnedInReasons = Collections.unmodifiableList(burnedInReasons);
	}

	/** New group 0002 (without the group length, which the writer computes). */
	public DicomDataset meta() { return meta; }
	/** The input's transfer syntax, kept for the output. */
	public TransferSyntax transferSyntax() { return transferSyntax; }
	public DicomDataset dataset() { return dataset; }
	/** How many elements each action touched (every depth). */
	public Map<DeidCount, Integer> counts() { return counts; }
	/** Why the pixels may hold burned-in PHI ({@link BurnedInRisk}); empty if none. */
	public List<String> burnedInReasons() { return burnedInReasons; }
	public boolean isFlagged() { return !burnedInReasons.isEmpty(); }
}
