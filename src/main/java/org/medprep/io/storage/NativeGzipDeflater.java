package org.medprep.io.storage;

import java.util.Arrays;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Intel's ISA-L level-1 deflate, through its Genomics Kernel Library, where its native library loads on
 * this machine. It compresses a float CT five to six times faster than zlib's level 1 (0.37 s against
 * 2.07 s of CPU for 315 MB of float32, 33.85 MB against 33.78 MB of output), which is most of a .nii.gz
 * write. It is only used where it loaded and then gave back, through the JDK's own inflater, exactly the
 * bytes it was given ({@link #available()}); anywhere else (another CPU or system, a plain ImageJ without
 * the jar, {@code -Dmedprep.nativeDeflate=false}) the writers use zlib as before. The file it writes
 * is plain gzip either way; only the compressed bytes differ.
 */
final class NativeGzipDeflater {

	/** Kept: the log manager holds its loggers weakly, and the level would go with a collected logger. */
	private static final Logger QUIET = Logger.getLogger("com.intel.gkl");
	private static final boolean AVAILABLE = probe();

	private NativeGzipDeflater() {}

	/** Whether {@link #create()} gives a native deflater. */
	static boolean available() {
		return AVAILABLE;
	}

	/** A raw (no header) level-1 deflater; {@link #available()} must be true. */
	static Deflater create() {
		return Isal.deflater();
	}

	/**
	 * Compresses {@code length} bytes of {@code data} as one finished raw deflate stream into the start of
	 * {@code out} (ISA-L's deflater writes nowhere else); returns the bytes written, or -1 when {@code out}
	 * had too little room or the input was empty or refused (the deflater must then be reset before its
	 * next use, which this method does).
	 */
	static int deflate(final Deflater d, final byte[] data, final int length, final byte[] out) {
		// it takes no empty input
		if (length == 0) return -1;
		try {
			d.reset();
			d.setInput(data, 0, length);
			d.finish();
			// one call: a second could not go on where the first stopped
			final int k = d.deflate(out, 0, out.length);
			return k > 0 && d.finished() ? k : -1;
		}
		catch (final RuntimeException refused) {
			// the native side refuses by throwing; zlib then does the block
			return -1;
		}
	}

	private static boolean probe() {
		if (!Boolean.parseBoolean(System.getProperty("medprep.nativeDeflate", "true"))) return false;
		// its loader announces every load on the console: a CLI run prints only its own lines
		QUIET.setLevel(Level.OFF);
		try {
			// GKL's classes are named only in Isal, which is not linked when its jar is missing (a Fiji with
			// MedPrep's jar alone): then this class still loads, and the writers use zlib
			Class.forName("com.intel.gkl.compression.IntelDeflater", false, NativeGzipDeflater.class.getClassLoader());
			final Deflater d = Isal.loadedDeflater();
			if (d == null) return false;
			try {
				return roundTrips(d);
			}
			finally {
				d.end();
			}
		}
		catch (final Throwable notHere) {
			// no jar (plain ImageJ), no native library for this system, or a CPU it does not run on
			return false;
		}
	}

	/** Noise, a constant run and a smooth ramp: each must come back bit for bit through the JDK's inflater. */
	private static boolean roundTrips(final Deflater d) throws DataFormatException {
		final byte[] data = new byte[3 << 16];
		final Random random = new Random(1);
		for (int i = 0; i < 1 << 16; i++) data[i] = (byte) random.nextInt();
		for (int i = 2 << 16; i < data.length; i++) data[i] = (byte) (i >> 9);
		final byte[] out = new byte[data.length + (data.length >> 3) + 1024];
		final int n = deflate(d, data, data.length, out);
		if (n <= 0) return false;
		final Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(out, 0, n);
			final byte[] back = new byte[data.length + 1];
			final int m = inflater.inflate(back);
			return inflater.finished() && m == data.length && Arrays.equals(data, Arrays.copyOf(back, m));
		}
		finally {
			inflater.end();
		}
	}

	/** Where GKL's classes are named. */
	private static final class Isal {

		static Deflater deflater() {
			return new com.intel.gkl.compression.IntelDeflater(1, true);
		}

		/** A deflater once the native library loaded, else null. */
		static Deflater loadedDeflater() {
			final com.intel.gkl.compression.IntelDeflater d = new com.intel.gkl.compression.IntelDeflater(1, true);
			// not ended when it did not load: ending it would call into the missing library
			return d.load(null) ? d : null;
		}
	}
}
