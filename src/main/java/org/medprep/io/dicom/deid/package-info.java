/**
 * DICOM de-identification: the PS3.15 Annex E Basic Application Level Confidentiality Profile
 * (Table E.1-1, 2024b, {@link org.medprep.io.dicom.deid.ConfidentialityProfile}) with its options
 * ({@link org.medprep.io.dicom.deid.DeidOption}), applied at every nesting depth by
 * {@link org.medprep.io.dicom.deid.DicomDeidentifier} on the model of {@link org.medprep.io.dicom.DicomParser},
 * written back by {@link org.medprep.io.dicom.deid.DicomFileWriter} in the input's transfer syntax with
 * retained elements byte for byte, over folders by {@link org.medprep.io.dicom.deid.DeidRun} (audit log,
 * anonymized names, atomic writes, never inside the input).
 * <p>
 * Choices MedPrep made where the standard leaves them open:
 * <ul>
 * <li>Compound actions: X where allowed, else Z, else D; X/Z/U* gives U (the reference sequences are kept,
 * their UIDs remapped, so references still resolve).</li>
 * <li>D values per VR: {@link org.medprep.io.dicom.deid.DummyValues}; D on a sequence leaves one empty item.</li>
 * <li>C (clean): dates shifted by the per-patient offset (Modified Dates option), free text with this file's
 * identifying strings blanked (Clean Descriptors, patient characteristics), AE titles dummied.</li>
 * <li>New UIDs: 2.25.&lt;first 128 bits of HMAC-SHA256(key, uid)&gt;; also for UI values outside
 * 1.2.840.10008 in attributes the table does not list (SOP class UIDs excepted).</li>
 * <li>Patient's Name and Patient ID: one pseudonym (keyed hash or a user mapping CSV).</li>
 * <li>Retain Safe Private: {@link org.medprep.io.dicom.deid.SafePrivateTags}; otherwise every odd group goes.</li>
 * <li>Public elements the data dictionary does not know: removed, whatever their VR (UN in implicit VR files).</li>
 * <li>Free text: every identifying value of the file blanked, person names down to two-letter parts.</li>
 * <li>Audit log by input id only; input paths only in a path map written where asked, owner-only.</li>
 * <li>The key: given, else a key file, else $MEDPREP_DEID_KEY ({@link org.medprep.io.dicom.deid.DeidKeySource}), in every host.</li>
 * <li>Possible burned-in PHI ({@link org.medprep.io.dicom.deid.BurnedInRisk}): flagged, not written by default.</li>
 * </ul>
 * Core + JDK only (no ij, no scijava).
 */
package org.medprep.io.dicom.deid;
