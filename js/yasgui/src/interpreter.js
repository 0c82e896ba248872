// vega-interpreter for the query page: Vega evaluates its expressions with this instead of
// compiling them with Function(), which the page's Content-Security-Policy forbids.
import { expressionInterpreter } from "vega-interpreter";

window.vegaExpressionInterpreter = expressionInterpreter;
