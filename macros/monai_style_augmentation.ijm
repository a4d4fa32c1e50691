// A MONAI-style recipe (after MONAI's 3D segmentation tutorials), as a MedPrep pipeline file:
//   medprep run --pipeline monai_style_augmentation.ijm -i images/ --label seg=labels/ -o augmented/
// Compose([RandFlipd(spatial_axis=0, prob=0.5), RandFlipd(spatial_axis=1, prob=0.5), RandFlipd(spatial_axis=2, prob=0.5),
//     RandZoomd(min_zoom=0.9, max_zoom=1.1, prob=0.3),
//     SomeOf([RandGaussianNoised(std=0.1), RandRicianNoised(std=0.1, relative=True), RandGaussianSmoothd(sigma=(0.5, 1.5)),
//             RandAdjustContrastd(gamma=(0.5, 2)), RandScaleIntensityd(factors=0.1)], num_transforms=(1, 2)),
//     RandCoarseDropoutd(holes=1, max_holes=4, spatial_size=8, max_spatial_size=16, prob=0.2)])
// MONAI draws the noise std uniformly in [0, std]; its tutorials scale intensities to [0, 1] first, so here the noise is
// relative to the image's std to suit any scale. RandAdjustContrast is a gamma on the min-max normalised image.
run("Random Flip", "probability_x=0.5 probability_y=0.5 probability_z=0.5 label=seg label_method=nearest interpolation=nearest");
run("Random Zoom", "min=0.9 max=1.1 isotropic=true p=0.3 label=seg label_method=nearest interpolation=linear fill=0");
run("Some Of", "n_min=1 n_max=2");
run("Random Noise", "distribution=Gaussian mean=0 sigma_min=0 sigma_max=0.1 relative_to=[image std]");
run("Random Noise", "distribution=Rician mean=0 sigma_min=0 sigma_max=0.1 relative_to=[image std]");
run("Random Blur", "sigma_min=0.5 sigma_max=1.5 units=voxels same_for_all_axes=false kernel=[scipy (TorchIO)]");
run("Random Gamma", "gamma_min=0.5 gamma_max=2 sampling=uniform formula=[range (nnU-Net)]");
run("Random Brightness", "min=0.9 max=1.1 sampling=uniform");
run("End Some Of");
run("Random Dropout", "holes_min=1 holes_max=4 min_size_x=8 min_size_y=8 min_size_z=8 max_size_x=16 max_size_y=16 max_size_z=16 dropout_holes=true fill_mode=[value] fill_value=0 p=0.2");
