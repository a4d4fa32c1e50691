package org.medprep.io.dicom;

/**
 * Tags MedPrep reads, as {@code (group << 16) | element}. Not a full
 * dictionary (see {@link DicomDictionary}), just names for code.
 */
public final class Tags {

	private Tags() {}

	public static int of(final int group, final int element) {
		return (group << 16) | (element & 0xFFFF);
	}

	public static int group(final int tag) { return tag >>> 16; }
	public static int element(final int tag) { return tag & 0xFFFF; }

	/** Odd group other than 0001, 0003, 0005, 0007, FFFF (PS3.5 7.8.1). */
	public static boolean isPrivate(final int tag) {
		final int g = group(tag);
		return (g & 1) == 1 && g > 0x0007 && g != 0xFFFF;
	}

	/** Private creator element (gggg,0010-00FF) of a private group. */
	public static boolean isPrivateCreator(final int tag) {
		final int e = element(tag);
		return isPrivate(tag) && e >= 0x10 && e <= 0xFF;
	}

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	public static String toString(final int tag) {
		final char[] c = { '(', 0, 0, 0, 0, ',', 0, 0, 0, 0, ')' };
		for (int i = 0; i < 4; i++) {
			c[1 + i] = HEX[(tag >>> (28 - 4 * i)) & 0xF];
			c[6 + i] = HEX[(tag >>> (12 - 4 * i)) & 0xF];
		}
		return new String(c);
	}

	// File meta information (group 0002)
	public static final int FileMetaInformationGroupLength = 0x00020000;
	public static final int FileMetaInformationVersion = 0x00020001;
	public static final int MediaStorageSOPClassUID = 0x00020002;
	public static final int MediaStorageSOPInstanceUID = 0x00020003;
	public static final int TransferSyntaxUID = 0x00020010;
	public static final int ImplementationClassUID = 0x00020012;

	public static final int SpecificCharacterSet = 0x00080005;
	public static final int ImageType = 0x00080008;
	public static final int SOPClassUID = 0x00080016;
	public static final int SOPInstanceUID = 0x00080018;
	public static final int StudyDate = 0x00080020;
	public static final int Modality = 0x00080060;
	public static final int Manufacturer = 0x00080070;
	public static final int SeriesDescription = 0x0008103E;
	public static final int PatientID = 0x00100020;
	public static final int SliceThickness = 0x00180050;
	public static final int SpacingBetweenSlices = 0x00180088;
	public static final int GantryDetectorTilt = 0x00181120;
	public static final int StudyInstanceUID = 0x0020000D;
	public static final int SeriesInstanceUID = 0x0020000E;
	public static final int SeriesNumber = 0x00200011;
	public static final int AcquisitionNumber = 0x00200012;
	public static final int InstanceNumber = 0x00200013;
	public static final int ImagePositionPatient = 0x00200032;
	public static final int ImageOrientationPatient = 0x00200037;
	public static final int FrameOfReferenceUID = 0x00200052;
	public static final int SliceLocation = 0x00201041;
	public static final int FrameContentSequence = 0x00209111;
	public static final int PlanePositionSequence = 0x00209113;
	public static final int PlaneOrientationSequence = 0x00209116;
	public static final int InStackPositionNumber = 0x00209057;
	public static final int SamplesPerPixel = 0x00280002;
	public static final int PhotometricInterpretation = 0x00280004;
	public static final int NumberOfFrames = 0x00280008;
	public static final int Rows = 0x00280010;
	public static final int Columns = 0x00280011;
	public static final int PixelSpacing = 0x00280030;
	public static final int BitsAllocated = 0x00280100;
	public static final int BitsStored = 0x00280101;
	public static final int HighBit = 0x00280102;
	public static final int PixelRepresentation = 0x00280103;
	public static final int PixelPaddingValue = 0x00280120;
	public static final int PixelPaddingRangeLimit = 0x00280121;
	public static final int RescaleIntercept = 0x00281052;
	public static final int RescaleSlope = 0x00281053;
	public static final int RescaleType = 0x00281054;
	public static final int PixelMeasuresSequence = 0x00289110;
	public static final int PixelValueTransformationSequence = 0x00289145;
	public static final int GridFrameOffsetVector = 0x3004000C;
	public static final int SharedFunctionalGroupsSequence = 0x52009229;
	public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
	public static final int FloatPixelData = 0x7FE00008;
	public static final int DoubleFloatPixelData = 0x7FE00009;
	public static final int PixelData = 0x7FE00010;

	// Items and delimiters (group FFFE), always coded without VR
	public static final int Item = 0xFFFEE000;
	public static final int ItemDelimitationItem = 0xFFFEE00D;
	public static final int SequenceDelimitationItem = 0xFFFEE0DD;

	static boolean isPixelData(final int tag) {
		return tag == PixelData || tag == FloatPixelData || tag == DoubleFloatPixelData;
	}
}
