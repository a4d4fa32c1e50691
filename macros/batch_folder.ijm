// MedPrep example: the CT pipeline over a folder, in batch mode.
// For thousands of cases without Fiji, prefer: medprep run --pipeline ct.ijm -i IN -o OUT
input = getDirectory("Folder of CT images (TIFF)");
output = getDirectory("Output folder");
setBatchMode(true);
list = getFileList(input);
for (i = 0; i < list.length; i++) {
	if (!endsWith(list[i], ".tif")) continue;
	open(input + list[i]);
	run("Replace Padding", "padding=-2000 value=-1000");
	run("HU Window", "level=40 width=400 output=[float 0-1]");
	saveAs("Tiff", output + list[i]);
	close("*");
}
