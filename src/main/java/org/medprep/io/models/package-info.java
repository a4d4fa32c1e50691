/**
 * The files of learned models: a Nyúl standard scale and nnU-Net's CT
 * dataset fingerprint, computed in {@code core.normalize} and stored here as
 * small strict JSON documents with a format tag and version (core reads and
 * writes no files). A missing or malformed file raises a
 * {@link org.medprep.io.models.ModelFileException} naming the file and what
 * is wrong.
 */
package org.medprep.io.models;
