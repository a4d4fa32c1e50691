package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Setting one option in a recorded options string, the rest kept as written. */
class MacroOptionsTest {

	@Test
	void withReplacesInPlaceOrAppends() {
		assertEquals("label=seg seed=17 fill=0", MacroOptions.with("label=seg seed=42 fill=0", "seed", "17"));
		assertEquals("label=seg seed=17", MacroOptions.with("label=seg seed=", "seed", "17"));
		assertEquals("label=seg seed=17 fill=0", MacroOptions.with("label=seg seed=[] fill=0", "seed", "17"));
		assertEquals("label=seg seed=17", MacroOptions.with("label=seg", "seed", "17"));
		assertEquals("seed=17", MacroOptions.with("", "seed", "17"));
		// a key inside another option's bracketed value is not the key
		assertEquals("file=[/a seed=3/b.nii] seed=17", MacroOptions.with("file=[/a seed=3/b.nii]", "seed", "17"));
		assertEquals("label=[my seg] x=1", MacroOptions.with("label=other x=1", "label", "my seg"));
		assertEquals("seeds=1 seed=2", MacroOptions.with("seeds=1", "seed", "2"));
		assertThrows(IllegalArgumentException.class, () -> MacroOptions.with("output=[float", "seed", "1"));
	}
}
