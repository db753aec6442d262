package dnp.kernel.physics;

import dnp.kernel.model.FrequencyPair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct ω_n and ω_MW of a list of (ω_n, ω_MW) pairs and, per pair, their indices: Lorentzians
 * depend on ω_n alone and biases on ω_MW alone, so each is computed once per distinct value.
 */
public record FrequencyIndex(double[] omegaN, double[] omegaMW, int[] pairOmega, int[] pairBias) {

    public static FrequencyIndex of(List<FrequencyPair> pairs) {
        Map<Double, Integer> omegaN = new LinkedHashMap<>();
        Map<Double, Integer> omegaMW = new LinkedHashMap<>();
        int[] pairOmega = new int[pairs.size()];
        int[] pairBias = new int[pairs.size()];
        for (int k = 0; k < pairs.size(); k++) {
            FrequencyPair p = pairs.get(k);
            pairOmega[k] = omegaN.computeIfAbsent(p.omegaN(), x -> omegaN.size());
            pairBias[k] = omegaMW.computeIfAbsent(p.omegaMW(), x -> omegaMW.size());
        }
        return new FrequencyIndex(omegaN.keySet().stream().mapToDouble(Double::doubleValue).toArray(),
                omegaMW.keySet().stream().mapToDouble(Double::doubleValue).toArray(), pairOmega, pairBias);
    }

    public int pairs() {
        return pairOmega.length;
    }
}
