package org.medprep.io.dicom.label;

import org.medprep.io.dicom.Tags;

/** Tags of the RT Structure Set and Segmentation modules (PS3.3 C.8.8.5, C.8.8.6, C.8.20), for the readers of this package. */
final class LabelTags {

	private LabelTags() {}

	static final String RTSTRUCT_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.481.3";
	static final String SEG_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.66.4";

	static final int ReferencedSeriesSequence = 0x00081115;
	static final int ReferencedSOPInstanceUID = 0x00081155;
	static final int StructureSetLabel = 0x30060002;
	static final int ReferencedFrameOfReferenceSequence = 0x30060010;
	static final int RTReferencedStudySequence = 0x30060012;
	static final int RTReferencedSeriesSequence = 0x30060014;
	static final int ContourImageSequence = 0x30060016;
	static final int StructureSetROISequence = 0x30060020;
	static final int ROINumber = 0x30060022;
	static final int ReferencedFrameOfReferenceUID = 0x30060024;
	static final int ROIName = 0x30060026;
	static final int ROIDisplayColor = 0x3006002A;
	static final int ROIContourSequence = 0x30060039;
	static final int ContourSequence = 0x30060040;
	static final int ContourGeometricType = 0x30060042;
	static final int NumberOfContourPoints = 0x30060046;
	static final int ContourData = 0x30060050;
	static final int ReferencedROINumber = 0x30060084;

	static final int SegmentationType = 0x00620001;
	static final int SegmentSequence = 0x00620002;
	static final int SegmentNumber = 0x00620004;
	static final int SegmentLabel = 0x00620005;
	static final int SegmentIdentificationSequence = 0x0062000A;
	static final int ReferencedSegmentNumber = 0x0062000B;
	static final int RecommendedDisplayCIELabValue = 0x0062000D;
	static final int MaximumFractionalValue = 0x0062000E;

	static final int SeriesInstanceUID = Tags.SeriesInstanceUID;
	static final int FrameOfReferenceUID = Tags.FrameOfReferenceUID;
}
