/**
 * MetaImage (.mha, .mhd with .raw/.zraw) files as ITK/MetaIO read and write
 * them: LPS coordinates (no flip), TransformMatrix as one N-tuple per image
 * axis, zlib CompressedData, either byte order. Lists and printf patterns of
 * slice files, ASCII voxels, multi-channel and 4D images are refused.
 */
package org.medprep.io.metaimage;
