package org.medprep.io.dicom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.medprep.io.storage.JsonText;

/**
 * The BIDS-style JSON sidecar of a converted series, with dcm2niix's key
 * names, units (times in seconds) and conventions (manufacturer names
 * normalised, multi-valued sequence attributes joined by a backslash, Image
 * Type as a list, Protocol Name falling back to Series Description).
 * <p>
 * By default it holds acquisition parameters only. Unlike dcm2niix's default,
 * it leaves out institution and device names (InstitutionName,
 * InstitutionAddress, StationName, DeviceSerialNumber), acquisition dates and
 * times, and Image Comments (free text that may name people), since PS3.15
 * counts all of them as identifying; {@code withIdentifiers} adds them and the
 * patient identifiers dcm2niix writes with {@code -ba n} (PatientName,
 * PatientID, PatientBirthDate, PatientSex, PatientWeight, AccessionNumber,
 * Study/Series Instance UIDs, ReferringPhysicianName). Values are read from the
 * first frame: the top level, else the enhanced multi-frame functional groups.
 */
public final class BidsSidecar {

	/** How a DICOM value becomes a JSON value. */
	private enum As { TEXT, JOINED, LIST, NUMBER, MS_TO_S, MANUFACTURER, TIME }

	private static final class Field {
		final String key;
		final int tag;
		final As as;
		final boolean identifying;

		Field(final String key, final int tag, final As as, final boolean identifying) {
			this.key = key;
			this.tag = tag;
			this.as = as;
			this.identifying = identifying;
		}
	}

	private static final List<Field> FIELDS = Collections.unmodifiableList(Arrays.asList(
		f("Modality", 0x00080060, As.TEXT), f("MagneticFieldStrength", 0x00180087, As.NUMBER), f("ImagingFrequency", 0x00180084, As.NUMBER),
		f("Manufacturer", 0x00080070, As.MANUFACTURER), f("ManufacturersModelName", 0x00081090, As.TEXT),
		id("InstitutionName", 0x00080080, As.TEXT), id("InstitutionalDepartmentName", 0x00081040, As.TEXT),
		id("InstitutionAddress", 0x00080081, As.TEXT), id("DeviceSerialNumber", 0x00181000, As.TEXT), id("StationName", 0x00081010, As.TEXT),
		f("BodyPartExamined", 0x00180015, As.TEXT), f("PatientPosition", 0x00185100, As.TEXT), f("SoftwareVersions", 0x00181020, As.JOINED),
		f("MRAcquisitionType", 0x00180023, As.TEXT), f("SeriesDescription", 0x0008103E, As.TEXT), f("ProtocolName", 0x00181030, As.TEXT),
		f("ScanningSequence", 0x00180020, As.JOINED), f("SequenceVariant", 0x00180021, As.JOINED), f("ScanOptions", 0x00180022, As.JOINED),
		f("SequenceName", 0x00180024, As.TEXT), f("ImageType", 0x00080008, As.LIST), f("SeriesNumber", 0x00200011, As.NUMBER),
		id("AcquisitionTime", 0x00080032, As.TIME), f("AcquisitionNumber", 0x00200012, As.NUMBER), id("ImageComments", 0x00204000, As.TEXT),
		f("SliceThickness", 0x00180050, As.NUMBER), f("SpacingBetweenSlices", 0x00180088, As.NUMBER), f("SAR", 0x00181316, As.NUMBER),
		f("EchoTime", 0x00180081, As.MS_TO_S), f("RepetitionTime", 0x00180080, As.MS_TO_S), f("InversionTime", 0x00180082, As.MS_TO_S),
		f("FlipAngle", 0x00181314, As.NUMBER), f("EchoTrainLength", 0x00180091, As.NUMBER), f("PercentPhaseFOV", 0x00180094, As.NUMBER),
		f("PercentSampling", 0x00180093, As.NUMBER), f("PhaseEncodingSteps", 0x00180089, As.NUMBER), f("PixelBandwidth", 0x00180095, As.NUMBER),
		f("ReceiveCoilName", 0x00181250, As.TEXT), f("ConvolutionKernel", 0x00181210, As.JOINED), f("KVP", 0x00180060, As.NUMBER),
		f("ExposureTime", 0x00181150, As.MS_TO_S), f("XRayTubeCurrent", 0x00181151, As.NUMBER), f("XRayExposure", 0x00181152, As.NUMBER),
		f("ImageOrientationPatientDICOM", 0x00200037, As.LIST), f("InPlanePhaseEncodingDirectionDICOM", 0x00181312, As.TEXT)));

	/** Patient and study identifiers, only with {@code withIdentifiers} (dcm2niix -ba n). */
	private static final List<Field> IDENTIFIERS = Collections.unmodifiableList(Arrays.asList(
		id("PatientName", 0x00100010, As.TEXT), id("PatientID", 0x00100020, As.TEXT), id("PatientBirthDate", 0x00100030, As.TEXT),
		id("PatientSex", 0x00100040, As.TEXT), id("PatientWeight", 0x00101030, As.NUMBER), id("AccessionNumber", 0x00080050, As.TEXT),
		id("StudyInstanceUID", 0x0020000D, As.TEXT), id("SeriesInstanceUID", 0x0020000E, As.TEXT),
		id("ReferringPhysicianName", 0x00080090, As.TEXT)));

	private static Field f(final String key, final int tag, final As as) {
		return new Field(key, tag, as, false);
	}

	private static Field id(final String key, final int tag, final As as) {
		return new Field(key, tag, as, true);
	}

	private BidsSidecar() {}

	/**
	 * The sidecar of a series (or of one part of it), in dcm2niix's key order.
	 *
	 * @param warnings the loader's warnings, kept as "ConversionWarnings" when any
	 * @param software name and version of the converter ("ConversionSoftware", "ConversionSoftwareVersion")
	 */
	public static Map<String, Object> of(final DicomSeries series, final boolean withIdentifiers, final List<String> warnings,
		final String software, final String version) throws DicomException
	{
		final DicomFrame first = series.frames().get(0);
		final FrameKeys keys = FrameKeys.of(first);
		final Map<String, Object> m = new LinkedHashMap<>();
		for (final Field f : FIELDS) {
			if (f.identifying && !withIdentifiers) continue;
			Object v = value(first, f);
			if (v == null && "ProtocolName".equals(f.key)) v = m.get("SeriesDescription");
			if (v == null && "EchoTime".equals(f.key) && !Double.isNaN(keys.echoTime)) v = number(keys.echoTime / 1000); // enhanced MR
			if ("EchoTime".equals(f.key) && (series.part().startsWith("e") || keys.echoNumber > 1))
				m.put("EchoNumber", Double.isNaN(keys.echoNumber) ? number(Double.parseDouble(series.part().substring(1))) : number(keys.echoNumber));
			if (v != null) m.put(f.key, v);
		}
		if (withIdentifiers) {
			for (final Field f : IDENTIFIERS) {
				final Object v = value(first, f);
				if (v != null) m.put(f.key, "PatientBirthDate".equals(f.key) ? isoDate(v.toString()) : v);
			}
			final String date = text(first, 0x00080022);
			final String time = text(first, 0x00080032);
			if (!date.isEmpty() && !time.isEmpty()) m.put("AcquisitionDateTime", isoDate(date) + "T" + isoTime(time));
		}
		if (!warnings.isEmpty()) m.put("ConversionWarnings", new ArrayList<>(warnings));
		m.put("ConversionSoftware", software);
		m.put("ConversionSoftwareVersion", version);
		return m;
	}

	private static Object value(final DicomFrame frame, final Field f) throws DicomException {
		final DicomDataset holder = holder(frame, f.tag);
		if (holder == null) return null;
		final String[] s = holder.getStrings(f.tag);
		if (s.length == 0 || s.length == 1 && s[0].isEmpty()) return null;
		switch (f.as) {
			case NUMBER:
			case MS_TO_S: {
				final double[] d = holder.getDoubles(f.tag);
				if (d.length == 0 || !Double.isFinite(d[0])) return null;
				return number(f.as == As.MS_TO_S ? d[0] / 1000 : d[0]);
			}
			case LIST: {
				if (f.tag == Tags.ImageOrientationPatient) {
					final List<Object> n = new ArrayList<>();
					for (final double d : holder.getDoubles(f.tag)) n.add(number(d));
					return n;
				}
				return new ArrayList<Object>(Arrays.asList(s));
			}
			case JOINED: return String.join("\\", s);
			case MANUFACTURER: return manufacturer(String.join("\\", s));
			case TIME: return isoTime(s[0]);
			case TEXT:
			default: return String.join("\\", s);
		}
	}

	/** The data set holding {@code tag}: the frame's file, else its functional groups (per-frame, then shared, one sequence deep). */
	private static DicomDataset holder(final DicomFrame frame, final int tag) {
		final DicomDataset top = frame.file().dataset();
		if (top.contains(tag)) return top;
		final List<DicomDataset> perFrame = top.getItems(Tags.PerFrameFunctionalGroupsSequence);
		final List<DicomDataset> groups = new ArrayList<>();
		if (frame.frameIndex() < perFrame.size()) groups.add(perFrame.get(frame.frameIndex()));
		groups.addAll(top.getItems(Tags.SharedFunctionalGroupsSequence));
		for (final DicomDataset g : groups)
			for (final DicomElement e : g.elements())
				for (final DicomDataset item : e.items())
					if (item.contains(tag)) return item;
		return null;
	}

	private static String text(final DicomFrame frame, final int tag) throws DicomException {
		final DicomDataset h = holder(frame, tag);
		return h == null ? "" : h.getString(tag, "");
	}

	/** dcm2niix's manufacturer names: Siemens, GE, Philips, Canon (Toshiba), Hitachi, UIH; others as written. */
	static String manufacturer(final String m) {
		final String u = m.toUpperCase(Locale.ROOT);
		if (u.contains("SIEMENS")) return "Siemens";
		if (u.startsWith("GE ") || u.equals("GE") || u.contains("GENERAL ELECTRIC") || u.contains("GE MEDICAL")) return "GE";
		if (u.contains("PHILIPS")) return "Philips";
		if (u.contains("TOSHIBA") || u.contains("CANON")) return "Canon";
		if (u.contains("HITACHI")) return "Hitachi";
		if (u.contains("UIH") || u.contains("UNITED IMAGING")) return "UIH";
		return m;
	}

	/** A JSON number: a whole number without a fraction, else the shortest decimal. */
	static Number number(final double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v;
		return v;
	}

	private static String isoDate(final String da) {
		return da.length() == 8 ? da.substring(0, 4) + "-" + da.substring(4, 6) + "-" + da.substring(6, 8) : da;
	}

	/** DICOM TM (HHMMSS.FFFFFF, parts optional) as HH:MM:SS.FFFFFF. */
	private static String isoTime(final String tm) {
		final String t = tm.replace(":", "");
		if (t.length() < 4) return tm;
		final StringBuilder sb = new StringBuilder(t.substring(0, 2)).append(':').append(t.substring(2, 4));
		if (t.length() >= 6) sb.append(':').append(t.substring(4));
		return sb.toString();
	}

	/** The sidecar as JSON text: one key per line, tab-indented like dcm2niix's; decimals in plain digits, non-finite numbers as null. */
	public static String json(final Map<String, Object> m) {
		final Map<String, Object> plain = new LinkedHashMap<>();
		for (final Map.Entry<String, Object> e : m.entrySet()) plain.put(e.getKey(), plain(e.getValue()));
		return JsonText.object(plain, "\t");
	}

	private static Object plain(final Object v) {
		if (v instanceof List) {
			final List<Object> items = new ArrayList<>();
			for (final Object o : (List<?>) v) items.add(plain(o));
			return items;
		}
		if (v instanceof Long || v instanceof Integer) return BigDecimal.valueOf(((Number) v).longValue());
		if (v instanceof Double) {
			final double d = (Double) v;
			return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros() : null;
		}
		if (v instanceof Boolean) return v;
		return String.valueOf(v);
	}
}
