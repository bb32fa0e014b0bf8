"""The workshop tools: stator mold, rotor mold, magnet jig, coil winder and blade template.

One module per tool, each exposing ``<tool>_steps(cells)``: the steps building that tool in its
own frame (z up, layers stacked as the reference stacks them), its parts named as the viewer
expects them (``names``) and its plywood plates handed out as flat parts.
"""
