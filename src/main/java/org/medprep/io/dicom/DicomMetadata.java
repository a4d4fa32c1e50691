package org.medprep.io.dicom;

/** Metadata keys the DICOM loader puts on a Volume (besides Volume.MODALITY, UNITS, SERIES_UID). */
public final class DicomMetadata {

	private DicomMetadata() {}

	public static final String SERIES_DESCRIPTION = "SeriesDescription";
	public static final String SERIES_NUMBER = "SeriesNumber";
	public static final String STUDY_UID = "StudyInstanceUID";
	public static final String NUMBER_OF_FILES = "NumberOfFiles";
	/** "axial", "coronal", "sagittal" or "oblique (sagittal 23.4°)". */
	public static final String PLANE = "Plane";
	/** Pixel Padding Value in output units (after rescale). */
	public static final String PIXEL_PADDING_VALUE = "PixelPaddingValue";
	public static final String RESCALE_SLOPE = "RescaleSlope";
	public static final String RESCALE_INTERCEPT = "RescaleIntercept";
	public static final String PHOTOMETRIC_INTERPRETATION = "PhotometricInterpretation";
	public static final String TRANSFER_SYNTAX_UID = "TransferSyntaxUID";
	public static final String SLICE_THICKNESS = "SliceThickness";
	/** Loader warnings joined by newlines (also on {@link DicomSeriesVolume#warnings()}). */
	public static final String WARNINGS = "DicomWarnings";
}
