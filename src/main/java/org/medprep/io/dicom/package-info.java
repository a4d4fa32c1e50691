/**
 * DICOM reading: a Part 10 parser of our own and a series loader (core + JDK only).
 *
 * <h2>Parsing</h2>
 * {@link org.medprep.io.dicom.DicomParser} reads a file into a
 * {@link org.medprep.io.dicom.DicomFile}: preamble, meta group (group 0002),
 * {@link org.medprep.io.dicom.TransferSyntax} and a tree of
 * {@link org.medprep.io.dicom.DicomDataset}s of
 * {@link org.medprep.io.dicom.DicomElement}s. Each element keeps its tag, VR
 * (and whether it was explicit), the declared length (defined or undefined),
 * the raw value bytes as in the file (or their location in the file, read on
 * demand), sequence items with their own coded lengths and encodings, and
 * encapsulated fragments, so a writer can reproduce retained elements byte for
 * byte. {@link org.medprep.io.dicom.DicomReadOptions#headerOnly()} stops at the
 * pixel data (folder scans).
 *
 * <h2>Series</h2>
 * {@link org.medprep.io.dicom.DicomFolder#scan} groups the frames of a folder
 * tree (or one multi-frame file) by Series Instance UID, reporting skipped
 * files; {@link org.medprep.io.dicom.SeriesLayout} sorts frames along the slice
 * normal, takes the spacing from the positions and builds the LPS
 * {@link org.medprep.core.Geometry}; {@link org.medprep.io.dicom.DicomSeriesLoader}
 * reads the pixels and applies the modality LUT (HU for CT).
 * {@link org.medprep.io.dicom.DicomSeriesSummary} is one row of "DICOM Series
 * Info"; {@link org.medprep.io.dicom.SlicePlane} classifies and filters planes.
 *
 * <h2>Choices</h2>
 * <ul>
 * <li>Encapsulated (compressed) pixel data is refused with the transfer syntax
 * UID, its name and a command that decompresses it (dcmdjpeg, dcmdjpls,
 * dcmdrle, gdcmconv --raw).</li>
 * <li>Colour images (Samples per Pixel &gt; 1, RGB, YBR, palette) are refused;
 * MONOCHROME1 is read as stored (it only inverts the display) and reported in
 * the metadata.</li>
 * <li>Padding is kept and reported in output units (metadata key
 * PixelPaddingValue); it is replaced only when asked.</li>
 * <li>Frames that differ in size, pixel format, orientation or pixel spacing
 * are an error, not a guess. Several echoes are split into one series each
 * ({@link org.medprep.io.dicom.SeriesParts}); positions that repeat evenly
 * (time points, b-values) are the volumes of one 4D series
 * ({@link org.medprep.io.dicom.SeriesVolumes},
 * {@link org.medprep.io.dicom.DicomSeriesLoader#loadAll}), as dcm2niix writes
 * them; the same image twice, or positions repeating unevenly, are errors.</li>
 * <li>A single image without position or orientation gets a default geometry
 * and a warning ({@link org.medprep.io.dicom.DefaultGeometry}).</li>
 * <li>Folder scans isolate every file (a bad one is skipped with its reason),
 * follow symbolic links once, and list RTSTRUCTs and SEGs as
 * {@link org.medprep.io.dicom.DicomAnnotation}s, which
 * {@code org.medprep.io.dicom.label} turns into label maps.</li>
 * <li>Large values of deflated files are inflated past and read again when
 * asked, so a small file cannot fill the memory with a value nobody reads.</li>
 * <li>Gantry tilt, uneven spacing and missing slices are warnings on the
 * result, never printed; a tilted series is not resampled.</li>
 * </ul>
 */
package org.medprep.io.dicom;
