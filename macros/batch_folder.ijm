// MedPrep example: the CT pipeline over a folder, in batch mode. Asks for the folders, or
// takes them as the argument, e.g. headless: ImageJ --headless -macro batch_folder.ijm "/in/,/out/"
// For thousands of cases without Fiji, prefer: medprep run --pipeline ct.ijm -i IN -o OUT
if (lengthOf(getArgument()) > 0) {
	folders = split(getArgument(), ",");
	input = folders[0];
	output = folders[1];
} else {
	input = getDirectory("Folder of CT images (TIFF)");
	output = getDirectory("Output folder");
}
if (!endsWith(input, File.separator)) input = input + File.separator;
if (!endsWith(output, File.separator)) output = output + File.separator;
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
