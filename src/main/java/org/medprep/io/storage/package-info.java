/**
 * What every file format stands on, below the formats themselves: the one
 * write path ({@link org.medprep.io.storage.AtomicFiles}), bounded and
 * gzip-aware data streams, parallel deflate, the stored voxel types, raw
 * voxel blocks and their scaled views, the LPS/RAS affine, and the exception
 * that names a file and what is wrong with it.
 * <p>
 * The formats ({@code io.nifti}, {@code io.metaimage}, ...) use this package;
 * {@link org.medprep.io.ImageFormats} above them picks a format by file name.
 * Nothing here knows a format, so the io packages form no cycle.
 */
package org.medprep.io.storage;
