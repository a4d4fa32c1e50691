package org.medprep.io.dicom.deid;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Shifts DA and DT values by a whole number of days (Retain Longitudinal Temporal Information with
 * Modified Dates). Times (TM) and the time part of DT are kept: a whole-day shift keeps intervals
 * between events exact. A value that is not a full date (DT with only year or month, ranges,
 * garbage) cannot be shifted exactly and yields empty, so the caller zeroes it.
 */
final class DateShifter {

	private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

	private DateShifter() {}

	/** Shifts each backslash-separated DA value; empty Optional if any value is not a date. */
	static Optional<String> shiftDate(final String value, final int days) {
		return shiftEach(value, days, false);
	}

	/** Shifts the date part of each DT value (YYYYMMDD[HHMMSS[.F]][&ZZXX]); empty if not possible. */
	static Optional<String> shiftDateTime(final String value, final int days) {
		return shiftEach(value, days, true);
	}

	private static Optional<String> shiftEach(final String value, final int days, final boolean dateTime) {
		final String[] parts = value.trim().split("\\\\", -1);
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) sb.append('\\');
			String p = parts[i].trim();
			if (p.isEmpty()) continue;
			// ACR-NEMA style "YYYY.MM.DD" (still seen in DA): normalise to YYYYMMDD.
			if (!dateTime && p.length() == 10 && p.charAt(4) == '.' && p.charAt(7) == '.')
				p = p.substring(0, 4) + p.substring(5, 7) + p.substring(8);
			if (p.length() < 8 || (!dateTime && p.length() != 8)) return Optional.empty();
			final LocalDate d;
			try {
				d = LocalDate.parse(p.substring(0, 8), DA);
			}
			catch (final DateTimeParseException e) {
				return Optional.empty();
			}
			sb.append(d.minusDays(days).format(DA)).append(p.substring(8));
		}
		return Optional.of(sb.toString());
	}
}
