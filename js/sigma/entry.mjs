// What the network page uses from the bundle, as globals of the page's own script.
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import { EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram } from "sigma/rendering";

window.vnrukgSigma = { Graph, Sigma, forceAtlas2, EdgeArrowProgram, EdgeLineProgram, NodeCircleProgram };
