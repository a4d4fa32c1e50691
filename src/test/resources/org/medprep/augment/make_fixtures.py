#!/usr/bin/python3
# Reference outputs of MedPrep's deterministic intensity transforms, reimplemented with numpy/scipy
# from the anchors' formulas (TorchIO, nnU-Net's batchgeneratorsv2, MONAI), for IntensityAgreementTest.
# Arrays are float32 little-endian, x fastest (numpy order (z, y, x)); fixtures.txt lists name nx ny nz.
# The parameters below are the ones the Java test passes. Run: /usr/bin/python3 make_fixtures.py
import os
import numpy as np
import scipy.stats

HERE = os.path.dirname(os.path.abspath(__file__))
sizes = []


def save(name, a_zyx):
    a = np.ascontiguousarray(a_zyx, dtype='<f4')
    a.tofile(os.path.join(HERE, name + '.f32'))
    sizes.append((name, a.shape[2], a.shape[1], a.shape[0]))


def input_volume(nx, ny, nz, seed):
    """A smooth positive image with a negative corner, as (z, y, x)."""
    rng = np.random.default_rng(seed)
    z, y, x = np.meshgrid(np.arange(nz), np.arange(ny), np.arange(nx), indexing='ij')
    v = 100 + 60 * np.sin(x / 3.0) * np.cos(y / 4.0) + 10 * z + rng.normal(0, 5, (nz, ny, nx))
    v[: nz // 3, : ny // 3, : nx // 3] -= 180
    return v.astype(np.float32)


# ---- gamma: nnU-Net's GammaTransform (range form), TorchIO's Gamma (sign power) ----
def gamma_range(img, g, invert, retain):
    x = img.astype(np.float64)
    if invert:
        x = -x
    if retain:
        mean, std = x.mean(), x.std(ddof=1)  # torch.std: ddof 1
    mn = x.min()
    rng = x.max() - mn
    x = np.power((x - mn) / max(rng, 1e-7), g) * rng + mn
    if retain:
        x = (x - x.mean()) * (std / max(x.std(ddof=1), 1e-7)) + mean
    if invert:
        x = -x
    return x


def gamma_power(img, g):
    x = img.astype(np.float64)
    return np.sign(x) * np.abs(x) ** g if x.min() < 0 else x ** g


def contrast(img, f, preserve):
    x = img.astype(np.float64)
    mean, lo, hi = x.mean(), x.min(), x.max()
    y = (x - mean) * f + mean
    return np.clip(y, lo, hi) if preserve else y


img = input_volume(12, 10, 8, 1)
save('input', img)
save('gamma_range_0.8', gamma_range(img, 0.8, False, False))
save('gamma_range_retain_1.3', gamma_range(img, 1.3, False, True))
save('gamma_range_invert_1.4', gamma_range(img, 1.4, True, False))
save('gamma_range_invert_retain_0.75', gamma_range(img, 0.75, True, True))
save('gamma_power_1.2', gamma_power(img, 1.2))
save('contrast_1.2_preserve', contrast(img, 1.2, True))
save('contrast_0.7', contrast(img, 0.7, False))

# ---- Rician noise statistics (MONAI's RandRicianNoise): mean and std of sqrt((A + n1)^2 + n2^2) ----
with open(os.path.join(HERE, 'rician.txt'), 'w') as f:
    f.write('# amplitude sigma mean std (scipy.stats.rice with b = A / sigma, scale = sigma)\n')
    for a, s in [(0.0, 1.0), (1.0, 1.0), (3.0, 0.5), (100.0, 20.0)]:
        r = scipy.stats.rice(a / s, scale=s)
        f.write('%r %r %.17g %.17g\n' % (a, s, r.mean(), r.std()))


def xyz(a_zyx):
    return np.ascontiguousarray(a_zyx.transpose(2, 1, 0))


def zyx(a_xyz):
    return np.ascontiguousarray(a_xyz.transpose(2, 1, 0))


# ---- blur: TorchIO calls scipy.ndimage.gaussian_filter (sigma in voxels, mode 'reflect', truncate 4) ----
import scipy.ndimage as ndi
blur_in = input_volume(14, 11, 9, 2)
save('blur_input', blur_in)
save('blur_scipy', zyx(ndi.gaussian_filter(xyz(blur_in), (1.3, 0.6, 2.1))))


# nnU-Net's GaussianBlurTransform: kernel of nearest odd size to 6 sigma + 0.5, torch 'reflect' padding
def round_to_nearest_odd(n):
    r = round(n)  # Python: half to even
    if r % 2 == 1:
        return r
    return r + 1 if n - r >= 0 else r - 1


def nnunet_blur_axis(a, sigma, axis):
    k = round_to_nearest_odd(sigma * 6 + 0.5)
    half = (k - 1) // 2
    x = np.linspace(-half, half, k).astype(np.float32)
    w = np.exp(-0.5 * (x / np.float32(sigma)) ** 2)
    w = (w / w.sum()).astype(np.float64)
    pad = [(0, 0)] * a.ndim
    pad[axis] = (half, half)
    p = np.pad(a.astype(np.float64), pad, mode='reflect')  # numpy 'reflect' = torch 'reflect': d c b | a b c d
    out = np.zeros(a.shape)
    n = a.shape[axis]
    for j in range(k):
        out += w[j] * np.take(p, range(j, j + n), axis=axis)
    return out.astype(np.float32)


b = xyz(blur_in)
for axis, sigma in enumerate((0.55, 0.9, 1.0)):
    b = nnunet_blur_axis(b, sigma, axis)
save('blur_nnunet', zyx(b))


# ---- bias field: TorchIO's BiasField.generate_bias_field, literally (data shape (x, y, z)) ----
def torchio_bias_field(shape, order, coefficients):
    shape = np.array(shape)
    half_shape = shape / 2
    ranges = [np.arange(-n, n) + 0.5 for n in half_shape]
    bias_field = np.zeros(shape)
    meshes = np.asarray(np.meshgrid(*ranges))
    for mesh in meshes:
        mesh_max = mesh.max()
        if mesh_max > 0:
            mesh /= mesh_max
    x_mesh, y_mesh, z_mesh = meshes
    i = 0
    for x_order in range(order + 1):
        for y_order in range(order + 1 - x_order):
            for z_order in range(order + 1 - (x_order + y_order)):
                new_map = coefficients[i] * x_mesh ** x_order * y_mesh ** y_order * z_mesh ** z_order
                bias_field += np.transpose(new_map, (1, 0, 2))
                i += 1
    return np.exp(bias_field).astype(np.float32)


BIAS_COEFFICIENTS = [0.3, -0.2, 0.1, 0.05, 0.25, -0.15, 0.2, 0.12, -0.3, 0.07, -0.4, 0.18, 0.09, -0.11, 0.33, -0.06, 0.21, -0.27, 0.14, 0.04]
bias_in = input_volume(13, 10, 7, 3)
save('bias_input', bias_in)
save('bias_order3', zyx(xyz(bias_in) * torchio_bias_field((13, 10, 7), 3, BIAS_COEFFICIENTS)))


# ---- low resolution: nnU-Net's SimulateLowResolutionTransform (torch nearest-exact down, trilinear up) ----
def nearest_exact_indices(n_in, n_out):
    scale = np.float32(n_in) / np.float32(n_out)
    i = np.arange(n_out, dtype=np.float32)
    return np.minimum(np.floor((i + np.float32(0.5)) * scale).astype(np.int64), n_in - 1)


def linear_weights(n_in, n_out):
    if n_in == n_out:
        i = np.arange(n_out)
        return i, i, np.zeros(n_out)
    scale = np.float32(n_in) / np.float32(n_out)
    real = scale * (np.arange(n_out, dtype=np.float32) + np.float32(0.5)) - np.float32(0.5)
    real = np.maximum(real, np.float32(0))
    i0 = np.minimum(np.floor(real).astype(np.int64), n_in - 1)
    lam = np.clip(real - i0.astype(np.float32), 0, 1).astype(np.float64)
    i1 = i0 + (i0 < n_in - 1)
    return i0, i1, lam


def low_resolution(a_xyz, scales):
    shape = a_xyz.shape
    new = [max(1, round(n * float(np.float32(s)))) for n, s in zip(shape, scales)]
    ix, iy, iz = (nearest_exact_indices(n, m) for n, m in zip(shape, new))
    low = a_xyz[np.ix_(ix, iy, iz)].astype(np.float64)
    out = low
    for axis in range(3):
        i0, i1, lam = linear_weights(new[axis], shape[axis])
        sh = [1, 1, 1]
        sh[axis] = -1
        out = np.take(out, i0, axis=axis) * (1 - lam).reshape(sh) + np.take(out, i1, axis=axis) * lam.reshape(sh)
    return out


low_in = input_volume(24, 18, 10, 4)
save('lowres_input', low_in)
save('lowres_0.6_0.73_0.5', zyx(low_resolution(xyz(low_in), (0.6, 0.73, 0.5))))
save('lowres_0.5', zyx(low_resolution(xyz(low_in), (0.5, 0.5, 0.5))))


# ---- k-space artefacts: TorchIO's Motion, Ghosting and Spike on the 3D FFT, literally (arrays (x, y, z)) ----
def fourier(t):
    return np.fft.fftshift(np.fft.fftn(t))


def inv_fourier(t):
    return np.fft.ifftn(np.fft.ifftshift(t))


def euler_zxy(ax, ay, az):  # ITK Euler3DTransform, ComputeZYX off: Rz Rx Ry
    rx = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    ry = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rz = np.array([[np.cos(az), -np.sin(az), 0], [np.sin(az), np.cos(az), 0], [0, 0, 1]])
    return rz @ rx @ ry


def itk_linear_resample(a, spacing, origin, pullback):
    """SimpleITK's ResampleImageFilter onto the same grid, linear, default value = image minimum.
    Points inside the voxel box [-0.5, n - 0.5] take the clamped linear value, others the default."""
    shape = np.array(a.shape)
    idx = np.stack(np.meshgrid(*[np.arange(n) for n in shape], indexing='ij'), -1).reshape(-1, 3).astype(np.float64)
    p = origin + idx * spacing
    q = pullback(p)
    ci = (q - origin) / spacing
    v = ndi.map_coordinates(a.astype(np.float64), ci.T, order=1, mode='nearest')
    inside = np.all((ci >= -0.5) & (ci <= shape - 0.5), axis=1)
    v[~inside] = a.min()
    return v.reshape(a.shape)


def torchio_motion(a, spacing, origin, degrees, translations, times):
    c = origin + spacing * (np.array(a.shape) / 2)  # TransformContinuousIndexToPhysicalPoint(size / 2)
    images = [a.astype(np.float64)]
    for deg, t in zip(degrees, translations):
        r = euler_zxy(*np.radians(deg))
        images.append(itk_linear_resample(a, spacing, origin, lambda p: (p - c) @ r.T + c + t))
    spectra = [fourier(im) for im in images]
    times = np.asarray(times)
    index = np.where(times > 0.5)[0].min() if np.any(times > 0.5) else len(spectra) - 1
    spectra[0], spectra[index] = spectra[index], spectra[0]
    result = np.empty_like(spectra[0])
    last = result.shape[2]
    indices = (last * times).astype(int).tolist() + [last]
    ini = 0
    for spectrum, fin in zip(spectra, indices):
        result[..., ini:fin] = spectrum[..., ini:fin]
        ini = fin
    return inv_fourier(result).real


def torchio_ghosting(a, num_ghosts, axis, intensity, restore):
    spectrum = fourier(a.astype(np.float64))
    sl = [slice(None)] * 3
    sl[axis] = slice(None, None, num_ghosts)
    n = spectrum.shape[axis]
    mid = n // 2
    rs = [slice(None)] * 3
    if restore is None:
        rs[axis] = slice(mid, mid + 1)
    else:
        size = int(np.round(restore * n))
        rs[axis] = slice(mid - size // 2, mid + size // 2)
    keep = spectrum[tuple(rs)].copy()
    spectrum[tuple(sl)] *= 1 - intensity
    spectrum[tuple(rs)] = keep
    return inv_fourier(spectrum).real


def torchio_spike(a, positions, intensity):
    spectrum = fourier(a.astype(np.float64))
    shape = np.array(spectrum.shape)
    for index in np.floor(np.asarray(positions) * shape).astype(int):
        i, j, k = index
        spectrum[i, j, k] += spectrum.max() * intensity  # numpy's max of complex: real part first
    return inv_fourier(spectrum).real


MOTION_SPACING, MOTION_ORIGIN = np.array([1.2, 1.0, 1.5]), np.array([-5.0, 3.0, 10.0])
motion_in = input_volume(12, 10, 9, 5)
save('motion_input', motion_in)
save('motion_2', zyx(torchio_motion(xyz(motion_in), MOTION_SPACING, MOTION_ORIGIN, [[3, -2, 5], [-4, 1, 2]],
                                    [[1.5, -1, 0.5], [-2, 0.7, 1]], [0.31, 0.72])))
save('motion_1_early', zyx(torchio_motion(xyz(motion_in), MOTION_SPACING, MOTION_ORIGIN, [[0, 0, 12]], [[0, 0, 0]], [0.45])))

ghost_in = input_volume(11, 10, 8, 6)
save('ghost_input', ghost_in)
save('ghost_y_3_0.7', zyx(torchio_ghosting(xyz(ghost_in), 3, 1, 0.7, None)))
save('ghost_x_4_1_restore0.3', zyx(torchio_ghosting(xyz(ghost_in), 4, 0, 1.0, 0.3)))
save('ghost_z_2_0.5', zyx(torchio_ghosting(xyz(ghost_in), 2, 2, 0.5, None)))

spike_pos = input_volume(10, 9, 8, 7) + 400  # non-negative: the maximum is the DC term
save('spike_positive_input', spike_pos)
save('spike_positive_2', zyx(torchio_spike(xyz(spike_pos), [[0.2, 0.7, 0.9], [0.55, 0.1, 0.4]], 1.7)))
spike_neg = input_volume(10, 9, 8, 8) - 150  # negative values: the whole spectrum decides
save('spike_signed_input', spike_neg)
save('spike_signed_2', zyx(torchio_spike(xyz(spike_neg), [[0.3, 0.3, 0.8], [0.3, 0.3, 0.8]], -0.8)))
save('spike_dc', zyx(torchio_spike(xyz(spike_pos), [[0.5, 0.5, 0.5], [0.05, 0.9, 0.3]], -0.6)))

with open(os.path.join(HERE, 'fixtures.txt'), 'w') as f:
    f.write('# name nx ny nz (float32, x fastest), made by make_fixtures.py\n')
    for s in sizes:
        f.write('%s %d %d %d\n' % s)
