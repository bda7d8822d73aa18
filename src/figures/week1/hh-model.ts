/**
 * The Hodgkin-Huxley (Traub-Miles) neuron of week 1's cells 3 and 19, with the notebook's
 * parameters per unit membrane area. Cell 3 adds exponential excitatory and inhibitory
 * conductances; cell 19 a constant current. Quantities carry their units so the core checks
 * the equations as Brian does.
 */
import { quantity, type Quantity } from '../../sim/index.js';

/** Rate functions of cell 3, as subexpressions with units (Brian inlines them). */
export const RATES = `
alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV-v+VT)/(4*mV))/ms : Hz
beta_m = 0.28*(mV**-1)*5*mV/exprel((v-VT-40*mV)/(5*mV))/ms : Hz
alpha_h = 0.128*exp((17*mV-v+VT)/(18*mV))/ms : Hz
beta_h = 4./(1+exp((40*mV-v+VT)/(5*mV)))/ms : Hz
alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV-v+VT)/(5*mV))/ms : Hz
beta_n = .5*exp((10*mV-v+VT)/(40*mV))/ms : Hz
`;

/** Cell 3: the HH neuron with conductance synapses ge (excitatory) and gi (inhibitory). */
export const SYNAPTIC_HH = `
dv/dt = (gl*(El-v)+ge*(Ee-v)+gi*(Ei-v)-
         g_na*(m*m*m)*h*(v-ENa)-
         g_kd*(n*n*n*n)*(v-EK))/Cm : volt
dm/dt = alpha_m*(1-m)-beta_m*m : 1
dn/dt = alpha_n*(1-n)-beta_n*n : 1
dh/dt = alpha_h*(1-h)-beta_h*h : 1
dge/dt = -ge*(1./taue) : siemens
dgi/dt = -gi*(1./taui) : siemens
${RATES}`;

/** Cell 19: the rates written inline, and a constant current I (a subexpression with units). */
export const CURRENT_HH = `
dv/dt = (gl*(El-v) - g_na*(m*m*m)*h*(v-ENa) - g_kd*(n*n*n*n)*(v-EK) + I)/Cm : volt
dm/dt = 0.32*(mV**-1)*4*mV/exprel((13.*mV-v+VT)/(4*mV))/ms*(1-m)-0.28*(mV**-1)*5*mV/exprel((v-VT-40.*mV)/(5*mV))/ms*m : 1
dn/dt = 0.032*(mV**-1)*5*mV/exprel((15.*mV-v+VT)/(5*mV))/ms*(1.-n)-.5*exp((10.*mV-v+VT)/(40.*mV))/ms*n : 1
dh/dt = 0.128*exp((17.*mV-v+VT)/(18.*mV))/ms*(1.-h)-4./(1+exp((40.*mV-v+VT)/(5.*mV)))/ms*h : 1
I = I_ext : amp
`;

/** 1 cm⁻² in m⁻²: the notebook gives the membrane constants per cm². */
const PER_CM2 = 1e4;

/**
 * The membrane constants of both cells for a membrane `area` in m², computed in Brian's order
 * (`(1*ufarad*cm**-2) * area`): Cm = 1 µF/cm², gl = 5e-5 S/cm², g_na = 100 mS/cm², g_kd =
 * 30 mS/cm², El, EK = −90 mV, ENa = 50 mV and VT (voltages in volts).
 */
export function membrane(area: number, el: number, vt: number): Record<string, Quantity> {
  return {
    Cm: quantity(1e-6 * PER_CM2 * area, 'farad'),
    gl: quantity(5e-5 * PER_CM2 * area, 'siemens'),
    g_na: quantity(100e-3 * PER_CM2 * area, 'siemens'),
    g_kd: quantity(30e-3 * PER_CM2 * area, 'siemens'),
    El: quantity(el, 'volt'),
    EK: quantity(-90, 'mV'),
    ENa: quantity(50, 'mV'),
    VT: quantity(vt, 'volt'),
  };
}
