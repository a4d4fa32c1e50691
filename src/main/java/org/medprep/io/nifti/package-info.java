/**
 * NIfTI-1 and NIfTI-2 files (.nii, .nii.gz, .hdr/.img), read and written by
 * MedPrep's own code (no NIfTI library is on Maven Central).
 * <p>
 * Decisions, checked against nibabel 5.0 with the fixtures in
 * {@code src/test/resources/org/medprep/io/nifti} (make_fixtures.py):
 * <ul>
 * <li>Transform: the sform when sform_code &gt; 0, else the qform when
 * qform_code &gt; 0, else nibabel's centred base affine (nibabel's
 * {@code get_best_affine}). A sheared sform falls back to the qform (as ITK,
 * which holds only orthonormal directions) with a warning, and is refused
 * when there is no qform.</li>
 * <li>Units: xyzt_units m / µm scale the affine to mm (as ITK; nibabel keeps
 * the file's units).</li>
 * <li>Scaling: scl_slope 0 or NaN means none; a NaN intercept with a valid
 * slope is refused (as nibabel). Physical values are a lazy view over the
 * stored planar data.</li>
 * <li>Writing: sform = qform, both code 1 (SCANNER_ANAT) as ITK and dcm2niix
 * write (nibabel writes sform 2 / qform 0 for a bare affine); scl_slope 1,
 * scl_inter 0; mm + s; vox_offset 352; gzip level 1 (nibabel's default);
 * atomic.</li>
 * <li>ANALYZE 7.5 (.hdr without NIfTI magic), complex, RGB and vector data are
 * refused with a message naming what they are.</li>
 * </ul>
 * The LPS (MedPrep) to RAS (NIfTI) conversion lives in one place,
 * {@link org.medprep.io.storage.RasAffine}.
 */
package org.medprep.io.nifti;
