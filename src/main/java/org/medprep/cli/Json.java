package org.medprep.cli;

import java.util.List;

import org.medprep.commands.CommandReference;

/** The small JSON the CLI prints (no library needed for this fixed shape). */
final class Json {

	private Json() {}

	static String commands(final List<CommandReference.Entry> entries) {
		final StringBuilder sb = new StringBuilder("[\n");
		for (int i = 0; i < entries.size(); i++) {
			final CommandReference.Entry e = entries.get(i);
			sb.append("  {\"label\": ").append(str(e.label)).append(", \"menu_path\": ").append(str(e.menuPath));
			sb.append(", \"description\": ").append(str(e.description)).append(", \"needs_image\": ").append(e.needsImage);
			sb.append(", \"options\": [");
			for (int j = 0; j < e.options.size(); j++) {
				final CommandReference.Option o = e.options.get(j);
				sb.append(j == 0 ? "\n" : ",\n").append("    {\"name\": ").append(str(o.name)).append(", \"type\": ").append(str(o.type));
				sb.append(", \"label\": ").append(str(o.label)).append(", \"default\": ").append(str(o.defaultValue));
				sb.append(", \"choices\": [");
				for (int k = 0; k < o.choices.size(); k++) sb.append(k == 0 ? "" : ", ").append(str(o.choices.get(k)));
				sb.append("], \"description\": ").append(str(o.description)).append('}');
			}
			sb.append(e.options.isEmpty() ? "]}" : "\n  ]}").append(i + 1 < entries.size() ? ",\n" : "\n");
		}
		return sb.append("]\n").toString();
	}

	static String str(final String s) {
		if (s == null) return "null";
		final StringBuilder sb = new StringBuilder("\"");
		for (final char c : s.toCharArray()) {
			switch (c) {
				case '"': sb.append("\\\""); break;
				case '\\': sb.append("\\\\"); break;
				case '\n': sb.append("\\n"); break;
				case '\r': sb.append("\\r"); break;
				case '\t': sb.append("\\t"); break;
				default:
					if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
					else sb.append(c);
			}
		}
		return sb.append('"').toString();
	}
}
