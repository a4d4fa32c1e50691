/**
 * Annotations to label maps on the grid of the image they annotate:
 * {@link org.medprep.io.dicom.label.RtStruct} (RT Structure Set contours,
 * rasterised by {@link org.medprep.io.dicom.label.RtStructLabelMap}) and
 * {@link org.medprep.io.dicom.label.Segmentation} (DICOM SEG, binary or
 * fractional, put on the grid by
 * {@link org.medprep.io.dicom.label.SegmentationLabelMap}). Both give a
 * {@link org.medprep.io.dicom.label.DicomLabelMap}: one label per ROI or
 * segment in the object's order (later ones on top where they overlap), the
 * names file, and warnings for what could not be placed.
 * <p>
 * Choices: contour holes by the even-odd rule (contours of one ROI on one slice
 * combined by exclusive or), voxel centres on a contour inside it (as
 * scikit-image's {@code draw.polygon}); fractional segments at half the
 * Maximum Fractional Value; compressed (encapsulated) SEG frames refused with
 * the command that decompresses them.
 */
package org.medprep.io.dicom.label;
