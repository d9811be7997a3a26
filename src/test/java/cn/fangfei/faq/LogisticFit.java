package cn.fangfei.faq;

import java.util.List;

/**
 * Fits a {@link LogisticModel} by Newton's method with a light L2 penalty on standardised features, then
 * expresses it on the raw features the engine computes. A dozen features and a few tens of thousands of
 * rows need nothing bigger; the penalty keeps weights finite when a feature separates the data.
 */
final class LogisticFit {
    private static final double L2 = 1.0;
    private static final int ITERATIONS = 50;

    private LogisticFit() {
    }

    static LogisticModel fit(List<String> features, List<double[]> rows, List<Boolean> labels) {
        int n = rows.size();
        int d = features.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double[][] x = new double[n][d + 1];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1;
            for (int j = 0; j < d; j++) {
                x[i][j + 1] = (rows.get(i)[j] - mean[j]) / scale[j];
            }
        }
        double[] beta = new double[d + 1];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j <= d; j++) {
                    z += beta[j] * x[i][j];
                }
                double p = LogisticModel.sigmoid(z);
                double residual = (labels.get(i) ? 1 : 0) - p;
                double w = Math.max(p * (1 - p), 1e-9);
                for (int j = 0; j <= d; j++) {
                    gradient[j] += residual * x[i][j];
                    for (int k = 0; k <= d; k++) {
                        hessian[j][k] += w * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 1; j <= d; j++) {
                gradient[j] -= L2 * beta[j];
                hessian[j][j] += L2;
            }
            double[] step = solve(hessian, gradient);
            double size = 0;
            for (int j = 0; j <= d; j++) {
                beta[j] += step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-8) {
                break;
            }
        }
        double bias = beta[0];
        double[] weights = new double[d];
        for (int j = 0; j < d; j++) {
            weights[j] = beta[j + 1] / scale[j];
            bias -= weights[j] * mean[j];
        }
        return new LogisticModel(features, bias, weights);
    }

    /** Gaussian elimination with partial pivoting; the penalised Hessian is positive definite. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int row = col + 1; row < n; row++) {
                if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            for (int row = col + 1; row < n; row++) {
                double factor = m[row][col] / m[col][col];
                for (int k = col; k <= n; k++) {
                    m[row][k] -= factor * m[col][k];
                }
            }
        }
        double[] solution = new double[n];
        for (int row = n - 1; row >= 0; row--) {
            double sum = m[row][n];
            for (int k = row + 1; k < n; k++) {
                sum -= m[row][k] * solution[k];
            }
            solution[row] = sum / m[row][row];
        }
        return solution;
    }
}
